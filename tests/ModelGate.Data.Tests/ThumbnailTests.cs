using ModelGate.Data.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ModelGate.Data.Tests;

/// <summary>Report thumbnails: the longer side at the asked size, the aspect kept, pixels enlarged as blocks, the image limits applied.</summary>
public sealed class ThumbnailTests : IDisposable
{
    private readonly TempFolder _temp = new("thumbnails");
    private readonly ImageFiles _files;

    public ThumbnailTests()
    {
        Directory.CreateDirectory(_temp.File("img"));
        File.WriteAllText(_temp.File("holdout.csv"), "image\n");
        File.Copy(RepoPaths.Fixture("images", "portrait_rgb.png"), _temp.File("img", "portrait.png"));
        File.Copy(RepoPaths.Fixture("evidence", "images", "d0001.png"), _temp.File("img", "digit.png"));
        _files = new ImageFiles(_temp.File("holdout.csv"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_portrait_is_scaled_to_the_size_on_its_longer_side()
    {
        var t = Thumbnails.Of(_files, "img/portrait.png", 2, "image", 68);
        using var png = Image.Load<Rgb24>(t.Png);
        Assert.Equal((44, 68), (t.Width, t.Height)); // 11 x 17 at 4x
        Assert.Equal((44, 68), (png.Width, png.Height));
    }

    [Fact]
    public void Enlarging_keeps_each_pixel_a_sharp_block()
    {
        using var original = Image.Load<Rgb24>(_temp.File("img", "digit.png"));
        var t = Thumbnails.Of(_files, "img/digit.png", 2, "image", 96);
        using var png = Image.Load<Rgb24>(t.Png);
        for (var y = 0; y < 96; y++)
        {
            for (var x = 0; x < 96; x++)
            {
                Assert.Equal(original[x / 12, y / 12], png[x, y]);
            }
        }
    }

    [Fact]
    public void The_image_limits_apply_to_thumbnails_too()
    {
        var ex = Assert.Throws<HoldoutException>(() => Thumbnails.Of(_files, "img/portrait.png", 2, "image", 96, new ImageSpec { Column = "image", MaxPixels = 100 }));
        Assert.Contains("over the limit of 100", ex.Problem, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<HoldoutException>(() => Thumbnails.Of(_files, "img/none.png", 2, "image", 96)).Problem, StringComparison.Ordinal);
    }
}
