using ModelGate.Core.Plan;
using ModelGate.Policy.Model;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>Robustness checks: perturbed copies of the holdout, flip rate and metric drop.</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] RobustnessKeys = ["id", "severity", "optional", "slices", "perturbations", "repeats", "seed", "tolerance", "flip_rate", "metric_drop", "vs_baseline"];
    public static readonly string[] NoiseKeys = ["scale", "features"];
    public static readonly string[] DropoutKeys = ["share", "to", "features"];
    public static readonly string[] SwapKeys = ["probability", "features"];
    public static readonly string[] ImageNoiseKeys = ["sigma"];
    public static readonly string[] BrightnessKeys = ["delta"];
    public static readonly string[] BlurKeys = ["sigma"];
    public static readonly string[] TyposKeys = ["rate"];

    private static readonly (string, PerturbationKind)[] PerturbationKinds =
    [
        ("noise", PerturbationKind.Noise), ("dropout", PerturbationKind.Dropout), ("swap", PerturbationKind.Swap),
        ("image_noise", PerturbationKind.ImageNoise), ("brightness", PerturbationKind.Brightness), ("blur", PerturbationKind.Blur), ("typos", PerturbationKind.Typos),
    ];

    private static readonly (string, DropoutFill)[] DropoutFills = [("mean", DropoutFill.Mean), ("missing", DropoutFill.Missing)];
    private const string PerturbationExample = "[{ noise: { scale: 0.1 } }, { dropout: { share: 0.1 } }, { swap: { probability: 0.05, features: [colour] } }]";

    private BoundCheck? BindRobustness(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "robustness", RobustnessKeys);
        var (id, severity) = Common(map, "robustness");
        var perturbations = Perturbations(kind, map, ColumnUsage.Robustness(id));
        var tolerance = NonNegative(map, "tolerance", "0 or more, in the target's units (regression: a prediction that moves further counts as flipped)");
        if (map["tolerance"] is not null && _task is not null && _task != Core.TaskKind.Regression)
        {
            _read.Error(map["tolerance"]!.Location, "'tolerance' applies to regression (a classification flip is a changed class); remove it");
        }

        var flips = Budget(map, "flip_rate", body => _read.NumberIn(body, "at_most", 0, 1, "between 0 and 1, e.g. 0.05"));
        var drop = Budget(map, "metric_drop", body => NonNegative(body, "at_most", "0 or more: accuracy lost (classification) or MAE gained (regression)"));
        var margin = OneNumber(map, "vs_baseline", "margin", 0, 1, "between 0 and 1, e.g. 0.02 (how much higher the candidate's flip rate may be)");
        RequireBound(kind, map, ["flip_rate", "metric_drop", "vs_baseline"], "flip_rate: { at_most: 0.05 }, metric_drop: { at_most: 0.02 } or vs_baseline: { margin: 0.02 }");
        var spec = new RobustnessCheckSpec
        {
            Id = id,
            Title = "Robustness under perturbation",
            Severity = severity,
            Location = kind.Location,
            Perturbations = perturbations,
            Repeats = (int)Math.Min(_read.Integer(map, "repeats", 1, "1 or more, e.g. 5") ?? 5, 1000),
            Seed = (int)Math.Clamp(_read.Integer(map, "seed", 0, "0 or more") ?? 0, 0, int.MaxValue),
            Tolerance = tolerance,
            FlipRateAtMost = flips,
            MetricDropAtMost = drop,
            BaselineMargin = margin,
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }

    // A setting holding one number under one key, e.g. vs_baseline: { margin: 0.02 }.
    private double? OneNumber(MappingNode map, string key, string inner, double min, double max, string hint)
    {
        if (_read.Map(map[key], key) is not { } body)
        {
            return null;
        }

        _read.Keys(body, key, [inner]);
        var value = _read.NumberIn(body, inner, min, max, hint);
        if (body[inner] is null)
        {
            _read.Error(body.Location, $"'{key}' needs '{inner}'");
        }

        return value;
    }

    // Each list item is one perturbation: a single key (noise, dropout or swap) holding its settings.
    private List<Perturbation> Perturbations(ScalarNode kind, MappingNode map, ColumnUsage usage)
    {
        var found = new List<Perturbation>();
        switch (Reading.Value(map, "perturbations"))
        {
            case null:
                _read.Error(kind.Location, $"robustness needs 'perturbations', e.g. {PerturbationExample}");
                return found;
            case SequenceNode { Items.Count: > 0 } list:
                foreach (var item in list.Items)
                {
                    if (Perturbation(item, usage) is { } p)
                    {
                        found.Add(p);
                    }
                }

                return found;
            case var other:
                _read.Error(other.Location, $"'perturbations' must be a non-empty list such as {PerturbationExample}");
                return found;
        }
    }

    private Perturbation? Perturbation(PolicyNode item, ColumnUsage usage)
    {
        if (item is not MappingNode { Entries.Count: 1 } one)
        {
            _read.Error(item.Location, "each perturbation is one of noise, dropout, swap, image_noise, brightness, blur or typos with its settings, e.g. { noise: { scale: 0.1 } }");
            return null;
        }

        var (name, value) = (one.Entries[0].Key, one.Entries[0].Value);
        var perturbation = _read.Choice(name, "perturbation", PerturbationKinds);
        if (perturbation is not { } kind || _read.Map(value, name.Value) is not { } body)
        {
            return null;
        }

        if (kind is PerturbationKind.ImageNoise or PerturbationKind.Brightness or PerturbationKind.Blur or PerturbationKind.Typos)
        {
            return MediaPerturbation(kind, name, body);
        }

        var (keys, amountKey, hint) = kind switch
        {
            PerturbationKind.Noise => (NoiseKeys, "scale", "0 or more standard deviations, e.g. 0.1"),
            PerturbationKind.Dropout => (DropoutKeys, "share", "between 0 and 1, e.g. 0.1 (the share of values dropped)"),
            _ => (SwapKeys, "probability", "between 0 and 1, e.g. 0.05 (the chance a value is swapped)"),
        };
        _read.Keys(body, name.Value, keys);
        var amount = kind == PerturbationKind.Noise ? NonNegative(body, amountKey, hint) : _read.NumberIn(body, amountKey, 0, 1, hint);
        if (body[amountKey] is null)
        {
            _read.Error(body.Location, $"'{name.Value}' needs '{amountKey}' ({hint})");
        }

        var features = FeatureList(body, usage);
        if (kind == PerturbationKind.Swap && features.Count == 0 && body["features"] is null)
        {
            _read.Error(body.Location, "'swap' needs 'features': the categorical columns whose values are swapped, e.g. [colour]");
        }

        var fill = kind == PerturbationKind.Dropout ? _read.Choice(body, "to", DropoutFills) ?? DropoutFill.Mean : DropoutFill.Mean;
        return new Perturbation(kind, amount ?? 0, features, fill);
    }

    // An image or text perturbation: one setting, applied to every image input (data.images) or text input (data.text).
    private Perturbation? MediaPerturbation(PerturbationKind kind, ScalarNode name, MappingNode body)
    {
        var (keys, key, hint) = kind switch
        {
            PerturbationKind.ImageNoise => (ImageNoiseKeys, "sigma", "between 0 and 1 (pixel units, 1 = full range), e.g. 0.05"),
            PerturbationKind.Brightness => (BrightnessKeys, "delta", "between -1 and 1 (pixel units, 1 = full range), e.g. 0.2"),
            PerturbationKind.Blur => (BlurKeys, "sigma", "0 or more pixels of the resized image, e.g. 1"),
            _ => (TyposKeys, "rate", "between 0 and 1, e.g. 0.05 (the chance each letter gets a typo)"),
        };
        _read.Keys(body, name.Value, keys);
        var amount = kind switch
        {
            PerturbationKind.Brightness => _read.NumberIn(body, key, -1, 1, hint),
            PerturbationKind.Blur => NonNegative(body, key, hint),
            _ => _read.NumberIn(body, key, 0, 1, hint),
        };
        if (body[key] is null)
        {
            _read.Error(body.Location, $"'{name.Value}' needs '{key}' ({hint})");
        }

        if (_data is not null && kind == PerturbationKind.Typos && _data.Text.Count == 0)
        {
            _read.Error(name.Location, "'typos' perturbs text inputs, but the policy has no data.text; remove it or declare the text column under data.text");
        }
        else if (_data is not null && kind != PerturbationKind.Typos && _data.Images.Count == 0)
        {
            _read.Error(name.Location, $"'{name.Value}' perturbs images, but the policy has no data.images; remove it or declare the image column under data.images");
        }

        return new Perturbation(kind, amount ?? 0, []);
    }
}
