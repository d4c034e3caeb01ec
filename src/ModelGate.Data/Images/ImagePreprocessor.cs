namespace ModelGate.Data.Images;

/// <summary>
/// Turns decoded 8-bit RGB pixels (row-major, 3 bytes a pixel) into the model's values as <see cref="ImageSpec"/>
/// says, in float64: channel planes, a separable resize (rows, then columns), the centre crop, scale, mean and std,
/// then the layout. Checked against numpy and torch to 1e-6 (tests/fixtures/images).
/// </summary>
internal static class ImagePreprocessor
{
    /// <summary>The number of values one image gives, or null when it depends on the image's size (no crop, no exact size).</summary>
    public static int? FixedLength(ImageSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var size = spec.Crop ?? spec.Size;
        return size is { } s ? spec.Channels * s.Height * s.Width : null;
    }

    /// <summary>
    /// Preprocesses one image into <paramref name="destination"/>, which must hold C × H × W values. <paramref name="perturb"/>,
    /// when given, changes the channel planes (values 0..255, resized size) before the crop, scale and normalisation.
    /// </summary>
    public static (int Height, int Width) Process(ReadOnlySpan<byte> rgb, int height, int width, ImageSpec spec, Span<double> destination,
        Action<double[][], int, int>? perturb = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var planes = Planes(rgb, height, width, spec.Colour);
        var (resizedHeight, resizedWidth) = spec.ResizedSize(height, width);
        if (resizedHeight != height || resizedWidth != width)
        {
            planes = Resize(planes, height, width, resizedHeight, resizedWidth, spec.Antialias);
        }

        perturb?.Invoke(planes, resizedHeight, resizedWidth);
        var (outHeight, outWidth) = spec.Crop ?? (resizedHeight, resizedWidth);
        var top = CropStart(resizedHeight, outHeight);
        var left = CropStart(resizedWidth, outWidth);
        var channels = planes.Length;
        var needed = channels * outHeight * outWidth;
        if (destination.Length != needed)
        {
            throw new ArgumentException($"the destination holds {destination.Length} values; the image gives {needed}", nameof(destination));
        }

        for (var c = 0; c < channels; c++)
        {
            var mean = spec.Mean?[c] ?? 0;
            var std = spec.Std?[c] ?? 1;
            var plane = planes[c];
            for (var y = 0; y < outHeight; y++)
            {
                for (var x = 0; x < outWidth; x++)
                {
                    var value = ((plane[((top + y) * resizedWidth) + left + x] / spec.Scale) - mean) / std;
                    var at = spec.Layout == ImageLayout.Nchw
                        ? (((c * outHeight) + y) * outWidth) + x
                        : (((y * outWidth) + x) * channels) + c;
                    destination[at] = value;
                }
            }
        }

        return (outHeight, outWidth);
    }

    /// <summary>torchvision's center_crop: top = round((H − h) / 2), half to even as Python rounds.</summary>
    private static int CropStart(int size, int cropped) => (int)Math.Round((size - cropped) / 2.0, MidpointRounding.ToEven);

    private static double[][] Planes(ReadOnlySpan<byte> rgb, int height, int width, ColourMode colour)
    {
        var pixels = height * width;
        if (colour == ColourMode.Grayscale)
        {
            var grey = new double[pixels];
            for (var p = 0; p < pixels; p++)
            {
                grey[p] = (rgb[3 * p] * 0.2989) + (rgb[(3 * p) + 1] * 0.587) + (rgb[(3 * p) + 2] * 0.114);
            }

            return [grey];
        }

        var planes = new[] { new double[pixels], new double[pixels], new double[pixels] };
        for (var p = 0; p < pixels; p++)
        {
            for (var c = 0; c < 3; c++)
            {
                planes[colour == ColourMode.Bgr ? 2 - c : c][p] = rgb[(3 * p) + c];
            }
        }

        return planes;
    }

    private static double[][] Resize(double[][] planes, int height, int width, int outHeight, int outWidth, bool antialias)
    {
        var across = Resampling.For(width, outWidth, antialias);
        var down = Resampling.For(height, outHeight, antialias);
        var result = new double[planes.Length][];
        var rows = new double[height * outWidth];
        for (var c = 0; c < planes.Length; c++)
        {
            var plane = planes[c];
            for (var y = 0; y < height; y++)
            {
                for (var o = 0; o < outWidth; o++)
                {
                    rows[(y * outWidth) + o] = Apply(across, o, plane, (y * width) + across.First[o], 1);
                }
            }

            var output = new double[outHeight * outWidth];
            for (var o = 0; o < outHeight; o++)
            {
                for (var x = 0; x < outWidth; x++)
                {
                    output[(o * outWidth) + x] = Apply(down, o, rows, (down.First[o] * outWidth) + x, outWidth);
                }
            }

            result[c] = output;
        }

        return result;
    }

    private static double Apply(Resampling axis, int o, double[] source, int start, int stride)
    {
        var weights = axis.Weights[o];
        var sum = 0.0;
        for (var t = 0; t < weights.Length; t++)
        {
            sum += weights[t] * source[start + (t * stride)];
        }

        return sum;
    }
}
