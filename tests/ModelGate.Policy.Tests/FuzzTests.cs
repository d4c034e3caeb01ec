namespace ModelGate.Policy.Tests;

/// <summary>Mangled policies never crash the loader: every outcome is a policy or located diagnostics.</summary>
public sealed class FuzzTests
{
    [Fact]
    public void Hundreds_of_seeded_mutations_of_the_complete_policy_load_or_fail_with_diagnostics()
    {
        using var t = new TestPolicies();
        foreach (var source in Directory.GetFiles(TestPolicies.PoliciesFolder, "*", SearchOption.AllDirectories))
        {
            t.Write(Path.GetRelativePath(TestPolicies.PoliciesFolder, source), File.ReadAllText(source));
        }

        var original = File.ReadAllText(Path.Combine(TestPolicies.PoliciesFolder, "valid", "complete.yml"));
        var pieces = new[] { ":", "- ", "{", "}", "[", "]", "'", "\"", "\n", "  ", "null", "-1", "1e309", "&a", "*a", "!!str ", "? ", "|\n", "~", "\t", "#" };
        var random = new Random(20261122);
        var (loaded, rejected) = (0, 0);
        for (var i = 0; i < 500; i++)
        {
            var text = original;
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                text = random.Next(3) switch
                {
                    0 => text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at)),
                    1 => text.Insert(at, pieces[random.Next(pieces.Length)]),
                    _ => text.Insert(at, text.Substring(random.Next(text.Length - 20), 20)),
                };
            }

            var result = PolicyLoader.Load(t.Write(Path.Combine("valid", "fuzz.yml"), text), TestPolicies.Today);
            if (result.Succeeded)
            {
                loaded++;
                Assert.NotNull(result.Policy!.ToGatePlan());
                Assert.NotEmpty(result.Policy.ToYaml());
            }
            else
            {
                rejected++;
                Assert.All(result.Errors, e => Assert.True(e.Location.Line >= 1 && e.Location.Column >= 1 && e.Message.Length > 0));
            }
        }

        Assert.True(loaded > 0 && rejected > 0, $"{loaded} loaded, {rejected} rejected");
    }
}
