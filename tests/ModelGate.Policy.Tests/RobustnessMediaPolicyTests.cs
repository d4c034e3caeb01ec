using ModelGate.Core.Plan;

namespace ModelGate.Policy.Tests;

/// <summary>Image and text perturbations of robustness checks: bound from the policy, printed back, and checked against the schema.</summary>
public sealed class RobustnessMediaPolicyTests
{
    private const string Policy = """
        version: 1
        task: multiclass
        models:
          candidate: models/candidate.onnx
          baseline: models/baseline.onnx
          scores: logits
        data:
          holdout: data/holdout.csv
          label: digit
          images:
            image:
              column: image
              colour: grayscale
              resize: { size: [16, 16] }
              scale: 255
          text:
            caption:
              column: caption
              vocabulary: vocab.txt
              max_length: 16
        checks:
          - robustness:
              perturbations:
                - image_noise: { sigma: 0.05 }
                - brightness: { delta: -0.2 }
                - blur: { sigma: 1 }
                - typos: { rate: 0.05 }
              repeats: 2
              seed: 3
              flip_rate: { at_most: 0.1 }

        """;

    [Fact]
    public void Image_and_text_perturbations_bind_in_order_print_back_and_pass_the_schema()
    {
        using var t = new TestPolicies();
        t.Write("vocab.txt", File.ReadAllText(Path.Combine(TestPolicies.PoliciesFolder, "valid", "vocab.txt")));
        var policy = TestPolicies.LoadValid(t.Write("modelgate.yml", Policy));

        var spec = Assert.Single(policy.Checks.OfType<RobustnessCheckSpec>());
        Assert.Equal(
            [(PerturbationKind.ImageNoise, 0.05), (PerturbationKind.Brightness, -0.2), (PerturbationKind.Blur, 1.0), (PerturbationKind.Typos, 0.05)],
            spec.Perturbations.Select(p => (p.Kind, p.Amount)));
        Assert.All(spec.Perturbations, p => Assert.Empty(p.Features));
        var printed = policy.ToYaml();
        Assert.Matches(@"- image_noise: \{ sigma: 0.05 \}\n *- brightness: \{ delta: -0.2 \}\n *- blur: \{ sigma: 1 \}\n *- typos: \{ rate: 0.05 \}\n", printed);
        Assert.Empty(SchemaAgreementTests.Validator.Validate(YamlJson.Convert(Policy)));
    }
}
