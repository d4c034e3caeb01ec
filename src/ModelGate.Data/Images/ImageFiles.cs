using System.Globalization;
using System.Runtime.InteropServices;
using ModelGate.Core.IO;
using ModelGate.Core.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ModelGate.Data.Images;

/// <summary>A decoded image: 8-bit RGB, row-major, 3 bytes a pixel.</summary>
internal sealed record DecodedImage(byte[] Rgb, int Height, int Width);

/// <summary>
/// Finds and decodes the image a holdout cell names. The holdout comes from the pull request, so the path must stay
/// inside the holdout's folder (symlinks followed), the file is size-checked before it is read and its pixel count
/// (from the header) before it is decoded. PNG, JPEG, BMP, GIF (first frame), TGA, TIFF and WebP, by SixLabors
/// ImageSharp 2.1 (Apache-2.0). An alpha channel is dropped, not composited; grey is replicated into R, G and B;
/// EXIF orientation is not applied (as PIL and torchvision read them). Every problem is a one-line holdout error
/// naming the file, line, column and the fix.
/// </summary>
internal sealed class ImageFiles
{
    private readonly string _holdout;
    private readonly string _folder;

    /// <param name="holdoutPath">the holdout file; image paths are relative to its folder.</param>
    public ImageFiles(string holdoutPath)
    {
        _holdout = holdoutPath;
        _folder = RealPath.Of(Path.GetDirectoryName(Path.GetFullPath(holdoutPath)) ?? Directory.GetCurrentDirectory());
    }

    /// <summary>The real path of the image a cell names, checked to stay inside the holdout's folder.</summary>
    public string Resolve(string cell, long line, string column)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            throw Error(line, column, cell, "the image path is empty", "give every row an image file, or drop the row");
        }

        if (Path.IsPathRooted(cell) || cell.Contains('\0', StringComparison.Ordinal))
        {
            throw Error(line, column, cell, $"the image path {ConsoleText.Preview(cell, 80)} is absolute", "write image paths relative to the holdout file's folder");
        }

        string real;
        try
        {
            real = RealPath.Of(Path.Combine(_folder, cell));
        }
        catch (IOException)
        {
            throw Error(line, column, cell, $"the image path {ConsoleText.Preview(cell, 80)} is a symlink loop", "point it at an image file inside the holdout's folder");
        }

        if (!RealPath.IsInside(real, _folder))
        {
            throw Error(line, column, cell, $"the image path {ConsoleText.Preview(cell, 80)} leads out of the holdout's folder {ConsoleText.Preview(_folder, 120)}", "keep the images in the holdout's folder or below it");
        }

        return real;
    }

    /// <summary>Reads and decodes the image a cell names, within the spec's limits.</summary>
    public DecodedImage Load(string cell, long line, string column, ImageSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var path = Resolve(cell, line, column);
        var shown = ConsoleText.Preview(cell, 80);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw Error(line, column, cell, $"the image {shown} does not exist", "check the path, relative to the holdout file's folder");
        }

        if (file.Length > spec.MaxFileBytes)
        {
            throw Error(line, column, cell, string.Create(CultureInfo.InvariantCulture, $"the image {shown} is {file.Length:N0} bytes, over the limit of {spec.MaxFileBytes:N0}"), "shrink the image, or raise images.max_file_bytes in the policy");
        }

        try
        {
            var info = Image.Identify(path)
                ?? throw Error(line, column, cell, $"{shown} is not an image ModelGate can read", "use PNG, JPEG, BMP, GIF, TGA, TIFF or WebP");
            var pixels = (long)info.Width * info.Height;
            if (pixels > spec.MaxPixels)
            {
                throw Error(line, column, cell, string.Create(CultureInfo.InvariantCulture, $"the image {shown} is {info.Width} × {info.Height} = {pixels:N0} pixels, over the limit of {spec.MaxPixels:N0}"), "shrink the image, or raise images.max_pixels in the policy");
            }

            using var image = Image.Load<Rgb24>(path);
            var rgb = new byte[checked(image.Width * image.Height * 3)];
            var width = image.Width;
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    MemoryMarshal.AsBytes(rows.GetRowSpan(y)).CopyTo(rgb.AsSpan(y * width * 3, width * 3));
                }
            });
            return new DecodedImage(rgb, image.Height, image.Width);
        }
        catch (UnknownImageFormatException)
        {
            throw Error(line, column, cell, $"{shown} is not an image ModelGate can read", "use PNG, JPEG, BMP, GIF, TGA, TIFF or WebP");
        }
        catch (InvalidImageContentException ex)
        {
            throw Error(line, column, cell, $"the image {shown} is damaged ({ConsoleText.Preview(ex.Message, 120)})", "re-export the image, or drop the row");
        }
        catch (ImageFormatException ex)
        {
            throw Error(line, column, cell, $"the image {shown} cannot be decoded ({ConsoleText.Preview(ex.Message, 120)})", "re-export the image as PNG or JPEG");
        }
        catch (IOException ex)
        {
            throw Error(line, column, cell, $"the image {shown} cannot be read ({ConsoleText.Preview(ex.Message, 120)})", "check the file's permissions");
        }
        catch (UnauthorizedAccessException)
        {
            throw Error(line, column, cell, $"the image {shown} cannot be read (permission denied)", "check the file's permissions");
        }
    }

    private HoldoutException Error(long line, string column, string value, string problem, string fix) =>
        new(_holdout, line, column, value, problem, fix);
}
