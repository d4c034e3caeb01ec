using System.Text.Json;
using ModelGate.Data.Images;

namespace ModelGate.Data.Tests;

/// <summary>
/// Every preprocessing option against tensors computed independently by tests/fixtures/images/generator
/// (numpy in float64 following torchvision's definitions, itself checked against torch within 1e-5): colour modes,
/// shorter-side and exact resizing with and without antialiasing, up and down, centre crops with odd and even
/// margins, scale, mean/std and both layouts, from PNG (RGB, grey, RGBA) and BMP.
/// </summary>
public sealed class ImagePreprocessingTests
{
    private static readonly string Folder = RepoPaths.Fixture("images");
    private static readonly JsonElement Cases = ExpectedCases.Load(Folder);

    public static TheoryData<int> CaseIndexes => ExpectedCases.Indexes(Cases);

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Matches_the_independently_computed_tensor_to_1e_6(int index)
    {
        var c = Cases[index];
        var name = c.GetProperty("spec").GetProperty("name").GetString();
        var spec = Spec(c.GetProperty("spec"));
        var expected = c.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var shape = c.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var image = new ImageFiles(Path.Combine(Folder, "holdout.csv")).Load(c.GetProperty("image").GetString()!, 2, "image", spec);

        var actual = new double[expected.Length];
        var (height, width) = ImagePreprocessor.Process(image.Rgb, image.Height, image.Width, spec, actual);

        Assert.Equal(spec.Layout == ImageLayout.Nchw ? [spec.Channels, height, width] : [height, width, spec.Channels], shape);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-6, $"{name}: largest difference {worst:E2}");
    }

    [Fact]
    public void The_fixed_length_is_known_only_when_the_output_size_is()
    {
        Assert.Null(ImagePreprocessor.FixedLength(new ImageSpec { Column = "image", ShorterSide = 8 }));
        Assert.Equal(3 * 6 * 6, ImagePreprocessor.FixedLength(new ImageSpec { Column = "image", ShorterSide = 8, Crop = (6, 6) }));
        Assert.Equal(1 * 7 * 5, ImagePreprocessor.FixedLength(new ImageSpec { Column = "image", Colour = ColourMode.Grayscale, Size = (7, 5) }));
    }

    [Fact]
    public void A_jpeg_decodes_to_nearly_the_png_it_was_saved_from()
    {
        var files = new ImageFiles(Path.Combine(Folder, "holdout.csv"));
        var spec = new ImageSpec { Column = "image" };
        var png = files.Load("gradient_rgb.png", 2, "image", spec);
        var jpeg = files.Load("gradient_rgb.jpg", 3, "image", spec);

        Assert.Equal((png.Height, png.Width), (jpeg.Height, jpeg.Width));
        var meanAbs = png.Rgb.Zip(jpeg.Rgb, (p, j) => Math.Abs(p - j)).Average();
        // Quality 95 with 4:2:0 chroma on a noisy 17 × 11 image: about 6 levels of 255 on average.
        Assert.InRange(meanAbs, 0, 12);
    }

    private static ImageSpec Spec(JsonElement s)
    {
        (int, int)? Pair(string key) => s.TryGetProperty(key, out var v) ? (v[0].GetInt32(), v[1].GetInt32()) : null;
        double[]? Doubles(string key) => s.TryGetProperty(key, out var v) ? v.EnumerateArray().Select(d => d.GetDouble()).ToArray() : null;
        var resize = s.TryGetProperty("resize", out var r) ? r : (JsonElement?)null;
        return new ImageSpec
        {
            Column = "image",
            Colour = s.TryGetProperty("colour", out var colour) ? Enum.Parse<ColourMode>(colour.GetString()!, ignoreCase: true) : ColourMode.Rgb,
            ShorterSide = resize is { } a && a.TryGetProperty("shorter_side", out var side) ? side.GetInt32() : null,
            Size = resize is { } b && b.TryGetProperty("size", out var size) ? (size[0].GetInt32(), size[1].GetInt32()) : null,
            Antialias = s.TryGetProperty("antialias", out var aa) && aa.GetBoolean(),
            Crop = Pair("crop"),
            Scale = s.TryGetProperty("scale", out var scale) ? scale.GetDouble() : 255,
            Mean = Doubles("mean"),
            Std = Doubles("std"),
            Layout = s.TryGetProperty("layout", out var layout) ? Enum.Parse<ImageLayout>(layout.GetString()!, ignoreCase: true) : ImageLayout.Nchw,
        };
    }
}
