using ModelGate.Data.Images;

namespace ModelGate.Data.Tests;

/// <summary>
/// The image a holdout names is untrusted input: each way it can be wrong is a one-line holdout error (exit 3) naming
/// the holdout, the line, the column, and the fix, found before the image is decoded where that is possible.
/// </summary>
public sealed class ImageFileErrorTests : IDisposable
{
    private readonly TempFolder _temp = new("images");
    private readonly string _holdout;
    private readonly ImageSpec _spec = new() { Column = "image" };

    public ImageFileErrorTests()
    {
        Directory.CreateDirectory(_temp.File("data", "img"));
        _holdout = _temp.File("data", "holdout.csv");
        File.WriteAllText(_holdout, "image,label\n");
        File.Copy(RepoPaths.Fixture("images", "gradient_rgb.png"), _temp.File("data", "img", "ok.png"));
        File.Copy(RepoPaths.Fixture("images", "gradient_rgb.png"), _temp.File("outside.png"));
    }

    public void Dispose() => _temp.Dispose();

    private HoldoutException Fails(string cell, ImageSpec? spec = null) =>
        Assert.Throws<HoldoutException>(() => new ImageFiles(_holdout).Load(cell, 7, "image", spec ?? _spec));

    private void AssertOneLine(HoldoutException ex, string problem, string fix)
    {
        Assert.StartsWith(_holdout + ": line 7, column 'image': ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.Contains(fix, ex.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Equal(Core.Errors.ErrorCategory.InputData, ex.Category);
    }

    [Fact]
    public void A_good_path_below_the_holdout_loads() => Assert.Equal(11, new ImageFiles(_holdout).Load("img/ok.png", 2, "image", _spec).Height);

    [Fact]
    public void A_missing_image_names_the_path() => AssertOneLine(Fails("img/nope.png"), "the image 'img/nope.png' does not exist", "relative to the holdout file's folder");

    [Fact]
    public void A_path_that_climbs_out_of_the_holdout_folder_is_refused() =>
        AssertOneLine(Fails("../outside.png"), "leads out of the holdout's folder", "keep the images in the holdout's folder");

    [Fact]
    public void An_absolute_path_is_refused() => AssertOneLine(Fails(_temp.File("outside.png")), "is absolute", "relative to the holdout file's folder");

    [Fact]
    public void A_symlink_that_leads_out_is_refused()
    {
        File.CreateSymbolicLink(_temp.File("data", "img", "link.png"), _temp.File("outside.png"));
        AssertOneLine(Fails("img/link.png"), "leads out of the holdout's folder", "keep the images");
    }

    [Fact]
    public void A_file_that_is_not_an_image_says_which_formats_work()
    {
        File.WriteAllText(_temp.File("data", "img", "notes.png"), "not a picture");
        AssertOneLine(Fails("img/notes.png"), "is not an image ModelGate can read", "PNG, JPEG");
    }

    [Fact]
    public void A_truncated_png_is_damaged()
    {
        var bytes = File.ReadAllBytes(_temp.File("data", "img", "ok.png"));
        File.WriteAllBytes(_temp.File("data", "img", "cut.png"), bytes[..(bytes.Length / 2)]);
        var ex = Fails("img/cut.png");
        Assert.Contains("img/cut.png", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Too_many_pixels_is_refused_from_the_header_before_decoding() =>
        AssertOneLine(Fails("img/ok.png", _spec with { MaxPixels = 100 }), "17 × 11 = 187 pixels, over the limit of 100", "images.max_pixels");

    [Fact]
    public void A_file_over_the_byte_limit_is_refused_before_it_is_read() =>
        AssertOneLine(Fails("img/ok.png", _spec with { MaxFileBytes = 10 }), "bytes, over the limit of 10", "images.max_file_bytes");

    [Fact]
    public void An_empty_cell_says_to_give_an_image_or_drop_the_row() => AssertOneLine(Fails(""), "the image path is empty", "drop the row");
}
