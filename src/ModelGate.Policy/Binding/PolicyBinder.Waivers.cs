using System.Globalization;
using ModelGate.Core.Plan;
using ModelGate.Policy.Model;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>waivers: each names a check id; an expired one still loads (Core reports it as expired) with a warning.</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] WaiverKeys = ["check", "reason", "owner", "expires"];

    private List<PolicyWaiver> BindWaivers(MappingNode root, IReadOnlyList<BoundCheck> checks)
    {
        var waivers = new List<PolicyWaiver>();
        var node = Reading.Value(root, "waivers");
        if (node is null)
        {
            return waivers;
        }

        if (node is not SequenceNode list)
        {
            _read.Error(node.Location, $"'waivers' must be a list (each waiver starting with '- check:'), got {node.Describe()}");
            return waivers;
        }

        var ids = checks.Select(c => c.Id).ToList();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            var map = _read.Map(item, "waiver");
            if (map is null)
            {
                continue;
            }

            _read.Keys(map, "a waiver", WaiverKeys);
            var check = _read.RequiredText(map, "check", "a waiver", "the id of the check it waives");
            var reason = _read.RequiredText(map, "reason", "a waiver", "why the exception is accepted");
            var owner = _read.RequiredText(map, "owner", "a waiver", "who answers for it, e.g. \"@ml-risk\"");
            var expires = Expiry(map);
            if (check is not null && !ids.Contains(check, StringComparer.Ordinal))
            {
                var listing = ids.Count == 0 ? "the policy has no checks" : $"check ids: {string.Join(", ", ids)}";
                _read.Error(map["check"]!.Location, $"waiver names check '{check}', which the policy does not have{Suggestions.DidYouMean(check, ids)} ({listing})");
                continue;
            }

            if (check is not null && seen.TryGetValue(check, out var first))
            {
                _read.Error(map.Location, $"a second waiver for check '{check}' (the first is on line {first.Line}); keep one");
                continue;
            }

            if (check is null || reason is null || owner is null || expires is null)
            {
                continue;
            }

            seen[check] = map.Location;
            if (expires.Value < _today)
            {
                _read.Warning(map["expires"]!.Location, string.Create(CultureInfo.InvariantCulture,
                    $"the waiver for '{check}' expired on {expires.Value:yyyy-MM-dd} (today is {_today:yyyy-MM-dd}); the check is judged without it and the report says the waiver expired; renew 'expires' or remove the waiver"));
            }

            waivers.Add(new PolicyWaiver(check, new Waiver(reason, owner, expires.Value, map.Location)));
        }

        return waivers;
    }

    private DateOnly? Expiry(MappingNode map)
    {
        var node = _read.Scalar(map, "expires", "a date");
        if (node is null)
        {
            _read.Error(map.Location, "a waiver needs 'expires' (a date, YYYY-MM-DD); waivers do not last forever");
            return null;
        }

        if (!DateOnly.TryParseExact(node.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            _read.Error(node.Location, $"'expires' must be a date written YYYY-MM-DD, got '{node.Value}'");
            return null;
        }

        return date;
    }

    private static List<CheckSpec> AttachWaivers(IReadOnlyList<BoundCheck> checks, IReadOnlyList<PolicyWaiver> waivers) =>
    [
        .. checks.SelectMany(c =>
        {
            var waiver = waivers.FirstOrDefault(w => w.CheckId == c.Id)?.Waiver;
            return waiver is null ? c.Specs : c.Specs.Select(s => s with { Waiver = waiver });
        }),
    ];
}
