using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ModelGate.Data.Images;

/// <summary>A small PNG of a holdout image, for a report to embed.</summary>
/// <param name="Png">The encoded PNG.</param>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
internal sealed record Thumbnail(byte[] Png, int Width, int Height);

/// <summary>
/// Makes report thumbnails of the images a holdout names, under the same rules as the model's inputs (inside the
/// holdout's folder, size- and pixel-checked before decoding): the longer side scaled to the thumbnail size, nearest
/// neighbour when enlarging (a digit's pixels stay sharp), bicubic when shrinking; encoded as 8-bit RGB PNG.
/// </summary>
internal static class Thumbnails
{
    /// <summary>The thumbnail of the image a cell names.</summary>
    /// <exception cref="HoldoutException">the image is missing, outside the folder, too large or unreadable (the problem says which).</exception>
    public static Thumbnail Of(ImageFiles files, string cell, long line, string column, int size, ImageSpec? limits = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var decoded = files.Load(cell, line, column, limits ?? new ImageSpec { Column = column });
        using var image = Image.LoadPixelData<Rgb24>(decoded.Rgb, decoded.Width, decoded.Height);
        var scale = (double)size / Math.Max(decoded.Width, decoded.Height);
        var width = Math.Max(1, (int)Math.Round(decoded.Width * scale));
        var height = Math.Max(1, (int)Math.Round(decoded.Height * scale));
        if (width != decoded.Width || height != decoded.Height)
        {
            image.Mutate(x => x.Resize(width, height, scale > 1 ? KnownResamplers.NearestNeighbor : KnownResamplers.Bicubic));
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return new Thumbnail(png.ToArray(), width, height);
    }
}
