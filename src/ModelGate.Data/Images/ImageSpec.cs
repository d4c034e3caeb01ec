namespace ModelGate.Data.Images;

/// <summary>How the decoded RGB pixels are ordered into channels.</summary>
internal enum ColourMode
{
    /// <summary>Red, green, blue (torchvision, most PyTorch models).</summary>
    Rgb,

    /// <summary>Blue, green, red (OpenCV-trained models, Caffe).</summary>
    Bgr,

    /// <summary>One channel: ITU-R 601 luma, 0.2989 R + 0.587 G + 0.114 B (torchvision's rgb_to_grayscale).</summary>
    Grayscale,
}

/// <summary>Where the channel axis goes in the model's input.</summary>
internal enum ImageLayout
{
    /// <summary>[N, C, H, W] (PyTorch).</summary>
    Nchw,

    /// <summary>[N, H, W, C] (TensorFlow, Keras).</summary>
    Nhwc,
}

/// <summary>
/// How one image becomes a tensor, in torchvision's order: decode to RGB (alpha dropped, grey replicated), colour
/// mode, resize, centre crop, divide by <see cref="Scale"/>, subtract <see cref="Mean"/> and divide by
/// <see cref="Std"/> per channel, then lay out. All arithmetic is in float64 on the decoded 8-bit values; nothing is
/// rounded back to 8 bits between steps.
/// </summary>
internal sealed record ImageSpec
{
    /// <summary>The holdout column holding each row's image path, relative to the holdout file's folder.</summary>
    public required string Column { get; init; }

    public ColourMode Colour { get; init; } = ColourMode.Rgb;

    /// <summary>Resize so the shorter side has this many pixels, keeping the aspect (torchvision's Resize(int)).</summary>
    public int? ShorterSide { get; init; }

    /// <summary>Resize to exactly this height and width.</summary>
    public (int Height, int Width)? Size { get; init; }

    /// <summary>Bilinear resizing with an antialiasing filter when shrinking (PIL, torchvision on PIL images).</summary>
    public bool Antialias { get; init; }

    /// <summary>Centre crop to this height and width, after resizing.</summary>
    public (int Height, int Width)? Crop { get; init; }

    /// <summary>Every value is divided by this (255 maps 8-bit values onto [0, 1]).</summary>
    public double Scale { get; init; } = 255;

    /// <summary>Per-channel mean subtracted after scaling (one value per channel).</summary>
    public IReadOnlyList<double>? Mean { get; init; }

    /// <summary>Per-channel standard deviation divided by after the mean (one value per channel).</summary>
    public IReadOnlyList<double>? Std { get; init; }

    public ImageLayout Layout { get; init; } = ImageLayout.Nchw;

    /// <summary>An image with more pixels than this is refused before it is decoded (a decompression bomb).</summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>An image file larger than this is refused before it is read.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>50 megapixels: above any camera's photo, 150 MB of RGB at most.</summary>
    public const long DefaultMaxPixels = 50_000_000;

    /// <summary>64 MiB per file.</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    public int Channels => Colour == ColourMode.Grayscale ? 1 : 3;

    /// <summary>The height and width after resizing and cropping an image of the given size.</summary>
    public (int Height, int Width) OutputSize(int height, int width)
    {
        var (h, w) = ResizedSize(height, width);
        return Crop ?? (h, w);
    }

    /// <summary>The height and width after resizing only (torchvision's shorter-side rule truncates the longer side).</summary>
    public (int Height, int Width) ResizedSize(int height, int width)
    {
        if (Size is { } exact)
        {
            return exact;
        }

        if (ShorterSide is not { } side)
        {
            return (height, width);
        }

        var longer = (int)((long)side * Math.Max(height, width) / Math.Min(height, width));
        return width <= height ? (longer, side) : (side, longer);
    }
}
