using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Core.IO;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Core.Verdicts;
using ModelGate.Data;
using ModelGate.Data.Images;
using ModelGate.Policy.Model;
using ModelGate.Reports;
using ModelGate.Reports.Markdown;

namespace ModelGate.Engine;

/// <summary>
/// Picks the rows <c>report.evidence</c> shows and reads their evidence: the worst negative flips of the whole holdout
/// (Core's order: the candidate's confidence in its wrong answer, highest first) and the worst group's rows the candidate
/// gets wrong (most confident first). The worst group is the worst one (largest regression vs the baseline, else worst
/// candidate value) of the first failing check that judges groups, else of the first check that has groups, else of the
/// slice table. The evidence column was read with the holdout in the same streamed pass (one string a row); only the
/// chosen rows' images are opened, at most two lists of <see cref="EvidenceOptions.Rows"/>. A bad image is shown as
/// unavailable, never an error.
/// </summary>
internal static class EvidenceSelection
{
    /// <summary>The evidence of a run; null when the policy names no evidence column or the task is regression.</summary>
    public static RowEvidence? Collect(GatePolicy policy, GateResult result, EvaluationData data, Holdout holdout)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(holdout);
        if (policy.Report.Evidence is not { } options || data.ClassLabels is null || !holdout.Columns.Contains(options.Column, StringComparer.Ordinal))
        {
            return null;
        }

        var rows = new Rows(policy, data, holdout, options);
        return new RowEvidence(options.Kind, options.Column, options.MaxChars, [Flips(result, rows, options.Rows), WorstGroup(result, data, rows, options.Rows)]);
    }

    private static EvidenceList Flips(GateResult result, Rows rows, int cap)
    {
        const string Title = "Worst negative flips";
        if (result.Flips is not { } flips)
        {
            return new EvidenceList(Title, "No flips without a baseline.", []);
        }

        // Core's flip rows are holdout rows (mapped back from the scored rows when some scores were not finite).
        var shown = flips.NegativeFlipRows.Take(cap).Select(rows.Row).ToList();
        var note = flips.NegativeFlips == 0
            ? "No negative flips: every row the baseline got right, the candidate got right too."
            : $"Baseline right, candidate wrong: {Shown(shown.Count, flips.NegativeFlips)}, the candidate's most confident wrong answers first.";
        return new EvidenceList(Title, note, shown);
    }

    private static EvidenceList WorstGroup(GateResult result, EvaluationData data, Rows rows, int cap)
    {
        var check = result.Checks.Where(c => c.Groups.Count > 0)
            .OrderBy(c => c.Verdict == Verdict.Fail ? (c.Blocks ? 0 : 1) : 2)
            .FirstOrDefault();
        var groups = check?.Groups ?? result.Groups;
        var metrics = GroupOrder.Metrics(groups);
        var metric = metrics.Count > 0 ? metrics[0] : null;
        var worst = metric is null ? null : GroupOrder.WorstFirst(groups, metric).FirstOrDefault(g => data.Slices.ContainsKey(g.Slice));
        if (worst is null)
        {
            return new EvidenceList("Worst group", "No groups: the policy judges no slices.", []);
        }

        var slice = data.Slices[worst.Slice];
        var index = slice.GroupNames.ToList().IndexOf(worst.Group);
        var wrong = new List<(int Row, double Confidence)>();
        for (var i = 0; i < slice.GroupOf.Length; i++)
        {
            if (slice.GroupOf[i] == index && rows.Candidate(i) is { } answer && answer.Class != data.ClassLabels![i])
            {
                wrong.Add((i, answer.Confidence));
            }
        }

        var shown = wrong.OrderByDescending(w => w.Confidence).ThenBy(w => w.Row).Take(cap).Select(w => rows.Row(w.Row)).ToList();
        var source = check is null ? "the slice table" : $"check '{check.Spec.Id}'";
        var title = $"Worst group: {worst.Slice} = {worst.Group}";
        var note = $"The worst group on {worst.Metric} in {source} ({NumberText.Count(worst.Support)} rows); the candidate is wrong on {Shown(shown.Count, wrong.Count)}, most confident first.";
        return new EvidenceList(title, note, shown);
    }

    private static string Shown(int shown, int of) => shown == of ? NumberText.Count(of) : $"{NumberText.Count(shown)} of {NumberText.Count(of)} shown";

    /// <summary>Rows as the reports show them: the answers of both models and the evidence, each image made once.</summary>
    private sealed class Rows(GatePolicy policy, EvaluationData data, Holdout holdout, EvidenceOptions options)
    {
        private readonly Dictionary<int, EvidenceRow> _made = [];
        private readonly HoldoutColumn _column = holdout.Column(options.Column);
        private readonly ImageFiles _images = new(holdout.File);

        // The image entry reading the evidence column sets the limits a thumbnail is made under (else the defaults).
        private readonly ImageSpec? _limits = policy.Data.Images.FirstOrDefault(i => i.Column == options.Column) is { } entry ? Media.MediaInputs.ToSpec(entry) : null;
        private readonly string _folder = RealPath.Of(Path.GetDirectoryName(Path.GetFullPath(holdout.File)) ?? Directory.GetCurrentDirectory());

        public (int Class, double Confidence)? Candidate(int row) => Answer(data.Candidate, row);

        public EvidenceRow Row(int row)
        {
            if (_made.TryGetValue(row, out var made))
            {
                return made;
            }

            var value = _column.ValueAsText(row);
            var evidence = new EvidenceRow(holdout.RowId(row), Name(data.ClassLabels![row]), Prediction(data.Candidate, row), data.Baseline is null ? null : Prediction(data.Baseline, row), value ?? string.Empty)
            {
                Image = options.Kind == EvidenceKind.Image ? Image(value, row) : null,
            };
            _made[row] = evidence;
            return evidence;
        }

        private EvidenceImage Image(string? path, int row)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return EvidenceImage.Missing("the cell is empty");
            }

            try
            {
                var thumbnail = Thumbnails.Of(_images, path, holdout.RowLine(row), options.Column, options.Thumbnail, _limits);
                return EvidenceImage.Of(thumbnail.Png, thumbnail.Width, thumbnail.Height);
            }
            catch (HoldoutException ex)
            {
                // The problem names the holdout's real folder; a report keeps paths relative, so it says "the holdout's folder".
                return EvidenceImage.Missing(ex.Problem.Replace(" " + ConsoleText.Preview(_folder, 120), string.Empty, StringComparison.Ordinal));
            }
        }

        private EvidencePrediction Prediction(Predictions predictions, int row) =>
            Answer(predictions, row) is { } a ? new EvidencePrediction(Name(a.Class), a.Confidence) : new EvidencePrediction("(no score)", double.NaN);

        private string Name(int index) => index >= 0 && index < data.ClassNames.Count ? data.ClassNames[index] : index.ToString(CultureInfo.InvariantCulture);

        // The predicted class as Core decides it: binary at the decision threshold, otherwise the first highest probability.
        private (int Class, double Confidence)? Answer(Predictions predictions, int row)
        {
            var scores = predictions.Row(row);
            foreach (var s in scores)
            {
                if (!double.IsFinite(s))
                {
                    return null;
                }
            }

            if (policy.Task == TaskKind.Binary)
            {
                var positive = scores[^1];
                return positive >= policy.Models.DecisionThreshold ? (1, positive) : (0, 1 - positive);
            }

            var top = 0;
            for (var k = 1; k < scores.Length; k++)
            {
                if (scores[k] > scores[top])
                {
                    top = k;
                }
            }

            return (top, scores[top]);
        }
    }
}
