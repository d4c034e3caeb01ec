using ModelGate.Core.Plan;
using ModelGate.Core.Robustness;

namespace ModelGate.Core.Tests;

/// <summary>Image and text perturbations of robustness copies: their effect on a known image and text, and their determinism.</summary>
public class MediaPerturberTests
{
    private const int Side = 32;

    [Fact]
    public void Brightness_adds_its_delta_in_pixel_units_and_clamps_to_the_range()
    {
        var planes = new[] { new double[] { 0, 100, 250, 255 } };
        Perturber((PerturbationKind.Brightness, 0.1)).Pixels(planes, 2, 2, row: 1);
        Assert.Equal([25.5, 125.5, 255, 255], planes[0]);

        var darker = new[] { new double[] { 0, 100, 250, 255 } };
        Perturber((PerturbationKind.Brightness, -0.2)).Pixels(darker, 2, 2, row: 1);
        Assert.Equal([0, 49, 199, 204], darker[0]);
    }

    [Fact]
    public void Image_noise_has_its_sigma_in_pixel_units_on_a_mid_grey_image()
    {
        var planes = new[] { Grey(128), Grey(128), Grey(128) };
        Perturber((PerturbationKind.ImageNoise, 0.05)).Pixels(planes, Side, Side, row: 7);
        var moved = planes.SelectMany(p => p).Select(v => v - 128).ToArray();
        Assert.InRange(moved.Average(), -0.5, 0.5);
        Assert.InRange(Math.Sqrt(moved.Select(m => m * m).Average()), 0.05 * 255 * 0.95, 0.05 * 255 * 1.05);
    }

    [Fact]
    public void Blur_spreads_a_single_bright_pixel_symmetrically_and_keeps_its_mass()
    {
        var plane = Grey(0);
        plane[(16 * Side) + 16] = 255;
        Perturber((PerturbationKind.Blur, 1.0)).Pixels([plane], Side, Side, row: 1);

        Assert.Equal(255, plane.Sum(), 9);
        Assert.Equal(plane[(16 * Side) + 15], plane[(16 * Side) + 17], 12);
        Assert.Equal(plane[(15 * Side) + 16], plane[(16 * Side) + 15], 12);
        // The centre keeps (1D weight at 0)² of the mass: exp(0) / Σ exp(−k²/2), k = −3..3.
        var w0 = 1 / Enumerable.Range(-3, 7).Sum(k => Math.Exp(-k * k / 2.0));
        Assert.Equal(255 * w0 * w0, plane[(16 * Side) + 16], 9);
        Assert.Equal(0, plane[0]);
    }

    [Fact]
    public void Image_copies_depend_on_seed_copy_and_row_only()
    {
        var a = Noisy(seed: 5, repeat: 0, row: 10);
        Assert.Equal(a, Noisy(seed: 5, repeat: 0, row: 10));
        Assert.NotEqual(a, Noisy(seed: 5, repeat: 1, row: 10));
        Assert.NotEqual(a, Noisy(seed: 6, repeat: 0, row: 10));
        Assert.NotEqual(a, Noisy(seed: 5, repeat: 0, row: 11));
    }

    [Fact]
    public void Typos_change_letters_at_their_rate_deterministically_and_leave_other_characters()
    {
        const string Text = "the quick brown fox jumps over the lazy dog 12345";
        var none = new MediaPerturber([new Perturbation(PerturbationKind.Typos, 0, [])], 1, 0);
        Assert.Equal(Text, none.Typos(Text, 3));

        var some = new MediaPerturber([new Perturbation(PerturbationKind.Typos, 0.2, [])], 1, 0);
        var typed = some.Typos(Text, 3);
        Assert.NotEqual(Text, typed);
        Assert.Equal(typed, some.Typos(Text, 3));
        Assert.NotEqual(typed, some.Typos(Text, 4));
        Assert.NotEqual(typed, new MediaPerturber([new Perturbation(PerturbationKind.Typos, 0.2, [])], 2, 0).Typos(Text, 3));
        Assert.EndsWith(" 12345", typed, StringComparison.Ordinal);
        Assert.Equal(Text.Count(c => c == ' '), typed.Count(c => c == ' '));

        var every = new MediaPerturber([new Perturbation(PerturbationKind.Typos, 1, [])], 1, 0);
        var all = Enumerable.Range(0, 200).Select(r => every.Typos("abcdefgh", r)).ToList();
        Assert.DoesNotContain("abcdefgh", all);
        Assert.Contains(all, t => t.Length < 8);
        Assert.Contains(all, t => t.Length > 8);
    }

    [Fact]
    public void Column_perturbations_are_not_media_and_leave_images_and_texts_alone()
    {
        var perturber = new MediaPerturber([new Perturbation(PerturbationKind.Noise, 1, [])], 1, 0);
        Assert.False(perturber.HasImages || perturber.HasTexts);
        Assert.Equal("abc", perturber.Typos("abc", 1));
        Assert.True(new Perturbation(PerturbationKind.Blur, 1, []).IsImage);
        Assert.True(new Perturbation(PerturbationKind.Typos, 1, []).IsMedia);
        Assert.False(new Perturbation(PerturbationKind.Typos, 1, []).IsImage);
        Assert.Equal("brightness +0.2", new Perturbation(PerturbationKind.Brightness, 0.2, []).Describe());
        Assert.Equal("typos 5% of letters", new Perturbation(PerturbationKind.Typos, 0.05, []).Describe());
    }

    private static double[] Noisy(int seed, int repeat, long row)
    {
        var planes = new[] { Grey(128) };
        new MediaPerturber([new Perturbation(PerturbationKind.ImageNoise, 0.1, [])], seed, repeat).Pixels(planes, Side, Side, row);
        return planes[0];
    }

    private static double[] Grey(double value) => Enumerable.Repeat(value, Side * Side).ToArray();

    private static MediaPerturber Perturber((PerturbationKind Kind, double Amount) p) => new([new Perturbation(p.Kind, p.Amount, [])], seed: 3, repeat: 0);
}
