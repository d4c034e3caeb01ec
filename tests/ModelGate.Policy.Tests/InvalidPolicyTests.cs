namespace ModelGate.Policy.Tests;

/// <summary>Each invalid policy gives exactly one error, with this message, line and column.</summary>
public sealed class InvalidPolicyTests
{
    /// <summary>Eight lines every case starts from (a valid binary policy without checks).</summary>
    private const string H = """
        version: 1
        task: binary
        models:
          candidate: models/candidate.onnx
          baseline: models/baseline.onnx
        data:
          holdout: data/holdout.csv
          label: released

        """;

    private const string Binary = "accuracy, balanced_accuracy, precision, recall, specificity, fpr, fnr, f1, f1_macro, f1_micro, f1_weighted, mcc, roc_auc, roc_auc_weighted, average_precision, log_loss, selection_rate, brier, ece, ece_adaptive, classwise_ece, ece_positive, mce";

    public static TheoryData<string, string, int, int, string> Cases => new()
    {
        {
            "unknown top-level key", H + "chekcs:\n  - metric: roc_auc\n    at_least: 0.8\n", 9, 1,
            "unknown key 'chekcs' in the policy; did you mean 'checks'? (valid keys: version, extends, task, models, data, slices, statistics, checks, waivers, report)"
        },
        {
            "unknown key in models", H.Replace("  baseline:", "  basline:", StringComparison.Ordinal), 5, 3,
            "unknown key 'basline' in models; did you mean 'baseline'? (valid keys: candidate, baseline, output, scores, positive_class, decision_threshold, max_invalid_rows, candidate_version, baseline_version, classes)"
        },
        {
            "unknown key in a model's own mapping", H.Replace("  baseline: models/baseline.onnx", "  baseline: { path: models/baseline.onnx, input: { X: [a] } }", StringComparison.Ordinal), 5, 43,
            "unknown key 'input' in models.baseline; did you mean 'inputs'? (valid keys: path, inputs)"
        },
        {
            "a model's own mapping without a path", H.Replace("  baseline: models/baseline.onnx", "  baseline: { inputs: { X: [a] } }", StringComparison.Ordinal), 5, 13,
            "models.baseline needs 'path' (the baseline ONNX model's path)"
        },
        {
            "classes with one label", H.Replace("  baseline: models/baseline.onnx", "  baseline: models/baseline.onnx\n  classes: [yes]", StringComparison.Ordinal), 6, 12,
            "'classes' must list at least two distinct class labels, one per output column, in column order"
        },
        {
            "classes for a regression", H.Replace("task: binary", "task: regression", StringComparison.Ordinal).Replace("  baseline: models/baseline.onnx", "  baseline: models/baseline.onnx\n  classes: [no, yes]", StringComparison.Ordinal), 6, 12,
            "'classes' applies to classification tasks only; this policy's task is regression; remove it"
        },
        {
            "image colour typo", H + "  images:\n    image:\n      column: path\n      colour: grayscal\n", 12, 15,
            "'colour' must be one of rgb, bgr, grayscale; got 'grayscal'; did you mean 'grayscale'?"
        },
        {
            "unknown key in an image entry", H + "  images:\n    image:\n      column: path\n      sclae: 255\n", 12, 7,
            "unknown key 'sclae' in data.images.image; did you mean 'scale'? (valid keys: column, colour, resize, antialias, crop, scale, mean, std, layout, dtype, max_pixels, max_file_bytes)"
        },
        {
            "image mean not one per channel", H + "  images:\n    image:\n      column: path\n      mean: [0.5]\n", 12, 13,
            "'mean' must give one value per channel: 3 for colour rgb, got 1"
        },
        {
            "image resize with two sizes", H + "  images:\n    image:\n      column: path\n      resize:\n        shorter_side: 20\n        size: 16\n", 13, 9,
            "data.images.image.resize needs exactly one of 'shorter_side' (keep the aspect) or 'size' ([height, width])"
        },
        {
            "unsupported tokenizer", H + "  text:\n    description:\n      column: d\n      vocabulary: must-pass.txt\n      tokenizer: unigram\n", 13, 18,
            "data.text.description.tokenizer 'unigram' is not supported yet (a Hugging Face tokenizer.json is not read); ModelGate tokenizes with wordpiece (a BERT vocab.txt), tiktoken (an OpenAI encoding), bpe (a GPT-2 vocab.json and merges.txt) or sentencepiece (a SentencePiece .model file), and a SentencePiece unigram model is tokenizer: sentencepiece: set one of those, or score the model yourself and pass --scores"
        },
        {
            "tokenizer typo", H + "  text:\n    description:\n      column: d\n      vocabulary: must-pass.txt\n      tokenizer: sentencepeice\n", 13, 18,
            "unknown data.text.description.tokenizer 'sentencepeice'; did you mean 'sentencepiece'?; the tokenizers ModelGate knows are wordpiece (a BERT vocab.txt), tiktoken (an OpenAI encoding), bpe (a GPT-2 vocab.json and merges.txt) or sentencepiece (a SentencePiece .model file)"
        },
        {
            "add_bos with wordpiece", H + "  text:\n    description:\n      column: d\n      vocabulary: must-pass.txt\n      add_bos: true\n", 13, 16,
            "data.text.description.add_bos is for tokenizer: sentencepiece; wordpiece frames with [CLS] and [SEP], tiktoken and bpe add no special tokens"
        },
        {
            "uncased with sentencepiece", H + "  text:\n    description:\n      column: d\n      tokenizer: sentencepiece\n      vocabulary: must-pass.txt\n      uncased: true\n", 14, 16,
            "data.text.description.uncased is for tokenizer: wordpiece; the other tokenizers keep the text's case (a SentencePiece model normalises as it was trained)"
        },
        {
            "sentencepiece sequence too short for its framing", H + "  text:\n    description:\n      column: d\n      tokenizer: sentencepiece\n      vocabulary: must-pass.txt\n      add_eos: true\n      max_length: 2\n", 15, 19,
            "'max_length' must be a whole number of tokens from 3 (with the <s> and </s> asked for), as the model was trained with, got 2"
        },
        {
            "missing sentencepiece model", H + "  text:\n    description:\n      column: d\n      tokenizer: sentencepiece\n      vocabulary: spiece.model\n", 13, 19,
            "data.text.description.vocabulary: the file 'spiece.model' does not exist; point it at the model's SentencePiece .model file (tokenizer.model, spiece.model), relative to this policy file"
        },
        {
            "unknown tiktoken encoding", H + "  text:\n    description:\n      column: d\n      tokenizer: tiktoken\n      encoding: cl100k\n", 13, 17,
            "unknown data.text.description.encoding 'cl100k'; ModelGate ships the tiktoken encodings cl100k_base and o200k_base; did you mean 'cl100k_base'?"
        },
        {
            "tiktoken without an encoding", H + "  text:\n    description:\n      column: d\n      tokenizer: tiktoken\n", 11, 7,
            "data.text.description needs 'encoding' (the tiktoken encoding the model was trained with: cl100k_base, o200k_base)"
        },
        {
            "vocabulary with tiktoken", H + "  text:\n    description:\n      column: d\n      tokenizer: tiktoken\n      encoding: o200k_base\n      vocabulary: must-pass.txt\n", 14, 19,
            "data.text.description.vocabulary is for tokenizer: wordpiece, bpe or sentencepiece; tiktoken takes encoding: (cl100k_base, o200k_base)"
        },
        {
            "bpe without merges", H + "  text:\n    description:\n      column: d\n      tokenizer: bpe\n      vocabulary: must-pass.txt\n", 11, 7,
            "data.text.description needs 'merges' (the model's BPE merges.txt, relative to this policy file)"
        },
        {
            "missing vocabulary file", H + "  text:\n    description:\n      column: d\n      vocabulary: vocab.txt\n", 12, 19,
            "data.text.description.vocabulary: the file 'vocab.txt' does not exist; point it at the model's vocab.txt (one token a line), relative to this policy file"
        },
        {
            "text overflow typo", H + "  text:\n    description:\n      column: d\n      vocabulary: must-pass.txt\n      overflow: truncated\n", 13, 17,
            "'overflow' must be one of truncate, refuse; got 'truncated'; did you mean 'truncate'?"
        },
        {
            "number written as a word", H + "checks:\n  - metric: roc_auc\n    at_least: high\n", 11, 15,
            "'at_least' must be a number, got a string ('high')"
        },
        {
            "number in quotes", H + "checks:\n  - metric: roc_auc\n    at_least: \"0.8\"\n", 11, 15,
            "'at_least' must be a number, got a string ('0.8')"
        },
        {
            "mapping expected", "version: 1\ntask: binary\nmodels: models/candidate.onnx\ndata:\n  holdout: h.csv\n  label: y\n", 3, 9,
            "'models' must be a mapping (indented 'key: value' lines), got a string"
        },
        {
            "task typo", H.Replace("task: binary", "task: binay", StringComparison.Ordinal), 2, 7,
            "'task' must be one of binary, multiclass, regression; got 'binay'; did you mean 'binary'?"
        },
        {
            "unknown metric", H + "checks:\n  - metric: roc_acu\n    at_least: 0.8\n", 10, 13,
            $"unknown metric 'roc_acu' (did you mean 'roc_auc'?); valid metrics for a binary task: {Binary}"
        },
        {
            "metric of another task", H + "checks:\n  - metric: rmse\n    at_most: 3\n", 10, 13,
            $"metric 'rmse' does not apply to a binary task; valid metrics for a binary task: {Binary}"
        },
        {
            "threshold above the metric's range", H + "checks:\n  - metric: roc_auc\n    at_least: 1.5\n", 11, 15,
            "'at_least: 1.5' can never be met: roc_auc lies between 0 and 1; use a value in that range"
        },
        {
            "threshold below the metric's range", H + "checks:\n  - metric: log_loss\n    at_most: -0.1\n", 11, 14,
            "'at_most: -0.1' can never be met: log_loss is never below 0; use a value in that range"
        },
        {
            "conflicting bounds", H + "checks:\n  - metric: accuracy\n    at_least: 0.9\n    at_most: 0.8\n", 11, 15,
            "conflicting bounds: at_least (0.9) is above at_most (0.8), so no value can pass; fix one of them"
        },
        {
            "negative allowed drop", H + "checks:\n  - metric: roc_auc\n    max_drop: -0.01\n", 11, 15,
            "'max_drop' must be 0 or more, got -0.01; 0 means no regression allowed; to demand an improvement use min_improvement"
        },
        {
            "change bound in the improving direction", H + "checks:\n  - metric: roc_auc\n    max_increase: 0.01\n", 11, 19,
            "'max_increase' bounds an increase in roc_auc, which is an improvement (higher is better); use 'max_drop' to bound a regression"
        },
        {
            "relative drop on a lower-is-better metric", H + "checks:\n  - metric: log_loss\n    max_relative_drop: 0.05\n", 11, 24,
            "'max_relative_drop' bounds a drop in log_loss, which is an improvement (lower is better); use 'max_relative_increase' to bound a regression"
        },
        {
            "mcnemar on f1", H + "checks:\n  - metric: f1\n    max_drop: 0\n    test: mcnemar\n", 12, 11,
            "'test: mcnemar' applies to accuracy (a paired test on per-row correctness); use 'test: bootstrap' for f1"
        },
        {
            "metric check without bounds", H + "checks:\n  - metric: f1\n    severity: warning\n", 10, 5,
            "metric check 'f1' sets no bound; add at_least/at_most (on the candidate) or max_drop/max_increase/max_relative_drop/max_relative_increase/min_improvement (vs the baseline)"
        },
        {
            "severity typo", H + "checks:\n  - metric: f1\n    at_least: 0.5\n    severity: warn\n", 12, 15,
            "'severity' must be one of error, warning, info; got 'warn'; did you mean 'warning'?"
        },
        {
            "unknown slice", H + "slices:\n  colour: { column: colour }\nchecks:\n  - subgroups:\n      slices: [color]\n      metric: recall\n      worst_group_at_least: 0.7\n", 13, 16,
            "unknown slice 'color'; did you mean 'colour'? (defined slices: colour)"
        },
        {
            "slice when none is defined", H + "checks:\n  - subgroups:\n      slices: [sex]\n      metric: recall\n      max_gap: 0.1\n", 11, 16,
            "unknown slice 'sex': the policy defines no slices; define it under the top-level 'slices:'"
        },
        {
            "drift without a reference", H + "checks:\n  - drift: { psi: { at_most: 0.2 } }\n", 10, 5,
            "drift needs a reference: set 'reference' (a data file) or data.train (a sample of the training data)"
        },
        {
            "drift without a bound", H + "checks:\n  - drift: { reference: data/train.csv }\n", 10, 5,
            "drift sets no bound; add psi: { at_most: 0.2 } and/or drifted_share: { at_most: 0 }"
        },
        {
            "drift correction typo", H + "checks:\n  - drift: { reference: data/train.csv, correction: hol, psi: { at_most: 0.2 } }\n", 10, 53,
            "'correction' must be one of benjamini_hochberg, holm; got 'hol'; did you mean 'holm'?"
        },
        {
            "prediction drift against train without train data", H + "checks:\n  - prediction_drift: { against: train, ks: { at_most: 0.1 } }\n", 10, 5,
            "prediction_drift against train needs data.train (a sample of the training data), which is not set; add data.train or use 'against: baseline'"
        },
        {
            "drifted share above 1", H + "checks:\n  - drift: { reference: data/train.csv, drifted_share: { at_most: 2 } }\n", 10, 67,
            "'at_most' must be between 0 and 1, e.g. 0.1, got 2"
        },
        {
            "leakage without train data", H + "checks:\n  - leakage: { duplicates: { at_most: 0 } }\n", 10, 5,
            "leakage needs data.train (a sample of the training data), which is not set; add data.train or remove this check"
        },
        {
            "reject rate without a confidence", H + "checks:\n  - reject_rate: { abstained_share: { at_most: 0.2 } }\n", 10, 5,
            "reject_rate needs 'confidence' (the top-class probability below which the model abstains, e.g. 0.8)"
        },
        {
            "rolling window with both a count and a period", H + "checks:\n  - rolling_window: { metric: accuracy, order_by: year, windows: 4, period: month, latest_drop: { at_most: 0.05 } }\n", 10, 66,
            "rolling_window takes 'windows' (a count) or 'period' (day, week, month, year, value), not both; remove one"
        },
        {
            "rolling window by period without an order column", H + "checks:\n  - rolling_window: { metric: accuracy, period: month, latest_drop: { at_most: 0.05 } }\n", 10, 49,
            "'period' cuts the holdout by the values of a column; add 'order_by' (e.g. a date column) or use 'windows: 4' for windows in row order"
        },
        {
            "rolling window without a bound", H + "checks:\n  - rolling_window: { metric: accuracy, windows: 4 }\n", 10, 5,
            "rolling_window sets no bound; add latest_drop: { at_most: 0.05 }, worst_drop: { at_most: 0.1 } or worst_window_at_least: 0.8"
        },
        {
            "perturbation typo", H + "checks:\n  - robustness: { perturbations: [{ nosie: { scale: 0.1 } }], flip_rate: { at_most: 0.05 } }\n", 10, 37,
            "'perturbation' must be one of noise, dropout, swap, image_noise, brightness, blur, typos; got 'nosie'; did you mean 'noise'?"
        },
        {
            "image noise without images", H + "checks:\n  - robustness: { perturbations: [{ image_noise: { sigma: 0.1 } }], flip_rate: { at_most: 0.05 } }\n", 10, 37,
            "'image_noise' perturbs images, but the policy has no data.images; remove it or declare the image column under data.images"
        },
        {
            "typos without text", H + "checks:\n  - robustness: { perturbations: [{ typos: { rate: 0.1 } }], flip_rate: { at_most: 0.05 } }\n", 10, 37,
            "'typos' perturbs text inputs, but the policy has no data.text; remove it or declare the text column under data.text"
        },
        {
            "brightness beyond the pixel range", H + "  images:\n    image:\n      column: path\nchecks:\n  - robustness: { perturbations: [{ brightness: { delta: 2 } }], flip_rate: { at_most: 0.05 } }\n", 13, 58,
            "'delta' must be between -1 and 1 (pixel units, 1 = full range), e.g. 0.2, got 2"
        },
        {
            "swap without features", H + "checks:\n  - robustness: { perturbations: [{ swap: { probability: 0.1 } }], flip_rate: { at_most: 0.05 } }\n", 10, 43,
            "'swap' needs 'features': the categorical columns whose values are swapped, e.g. [colour]"
        },
        {
            "robustness without a bound", H + "checks:\n  - robustness: { perturbations: [{ noise: { scale: 0.1 } }] }\n", 10, 5,
            "robustness sets no bound; add flip_rate: { at_most: 0.05 }, metric_drop: { at_most: 0.02 } or vs_baseline: { margin: 0.02 }"
        },
        {
            "generalization gap without train data", H + "checks:\n  - generalization_gap: { metric: roc_auc, at_most: 0.05 }\n", 10, 5,
            "generalization_gap needs data.train (a sample of the training data), which is not set; add data.train or remove this check"
        },
        {
            "duplicate check id", H + "checks:\n  - metric: roc_auc\n    at_least: 0.8\n  - metric: roc_auc\n    max_drop: 0.01\n", 12, 5,
            "duplicate check id 'roc_auc' (also used on line 10); give each check a distinct 'id:'"
        },
        {
            "waiver for an unknown check", H + "checks:\n  - metric: roc_auc\n    at_least: 0.8\nwaivers:\n  - check: roc_acu\n    reason: r\n    owner: o\n    expires: 2026-12-31\n", 13, 12,
            "waiver names check 'roc_acu', which the policy does not have; did you mean 'roc_auc'? (check ids: roc_auc)"
        },
        {
            "impossible waiver date", H + "checks:\n  - metric: roc_auc\n    at_least: 0.8\nwaivers:\n  - check: roc_auc\n    reason: r\n    owner: o\n    expires: 2026-02-30\n", 16, 14,
            "'expires' must be a date written YYYY-MM-DD, got '2026-02-30'"
        },
        {
            "waiver without expiry", H + "checks:\n  - metric: roc_auc\n    at_least: 0.8\nwaivers:\n  - check: roc_auc\n    reason: r\n    owner: o\n", 13, 5,
            "a waiver needs 'expires' (a date, YYYY-MM-DD); waivers do not last forever"
        },
        {
            "two waivers for one check", H + "checks:\n  - metric: roc_auc\n    at_least: 0.8\nwaivers:\n  - { check: roc_auc, reason: r, owner: o, expires: 2026-12-31 }\n  - { check: roc_auc, reason: r2, owner: o, expires: 2026-12-31 }\n", 14, 5,
            "a second waiver for check 'roc_auc' (the first is on line 13); keep one"
        },
        {
            "YAML syntax", H + "checks:\n  - metric: \"roc_auc\n    at_least: 0.8\n", 10, 13,
            "YAML syntax: While scanning a multi-line double-quoted scalar, found wrong indentation; fix the YAML (indentation, a missing ':' or an unclosed quote are the usual causes)"
        },
        {
            "duplicate key", H + "checks:\n  - metric: roc_auc\n    at_least: 0.8\n    at_least: 0.7\n", 12, 5,
            "the key 'at_least' is written twice in the same mapping; keep one"
        },
        {
            "missing version", H.Replace("version: 1\n", "", StringComparison.Ordinal), 1, 1,
            "the policy needs 'version: 1' (the policy format version) as its first key"
        },
        {
            "unsupported version", H.Replace("version: 1", "version: 2", StringComparison.Ordinal), 1, 10,
            "'version' must be 1 (the only policy format so far), got '2'"
        },
        {
            "missing task", H.Replace("task: binary\n", "", StringComparison.Ordinal), 1, 1,
            "the policy needs 'task' (binary, multiclass or regression)"
        },
        {
            "missing label", H.Replace("  label: released\n", "", StringComparison.Ordinal), 7, 3,
            "data needs 'label' (the label column)"
        },
        {
            "slice with column and columns", H + "slices:\n  sex: { column: sex, columns: [sex, colour] }\n", 10, 8,
            "slice 'sex' needs exactly one of 'column' (one column) or 'columns' (an intersection of several)"
        },
        {
            "bins that do not increase", H + "slices:\n  age: { column: age, bins: [0, 45, 45, 120] }\n", 10, 37,
            "slice 'age': bin edges must increase, but 45 follows 45"
        },
        {
            "where with '=>'", H + "checks:\n  - safety:\n      name: repeat offenders\n      where: \"checks => 3\"\n      negative_flips: { at_most: 0 }\n", 12, 22,
            "where: use '==' to compare, not '='"
        },
        {
            "where with a keyword as column", H + "checks:\n  - safety:\n      name: s\n      where: in > 3\n      negative_flips: { at_most: 0 }\n", 12, 14,
            "where: 'in' is a keyword; write a column named in as `in`"
        },
        {
            "where that ends early", H + "checks:\n  - safety:\n      name: s\n      where: 'age > 3 and'\n      negative_flips: { at_most: 0 }\n", 12, 26,
            "where: the expression ends too early; expected a column, a number or a 'quoted' value"
        },
        {
            "safety with where and rows_file", H.Replace("  label: released", "  label: released\n  id: row_id", StringComparison.Ordinal) + "checks:\n  - safety:\n      name: s\n      where: age < 18\n      rows_file: must-pass.txt\n      negative_flips: { at_most: 0 }\n", 14, 18,
            "a safety check selects rows with 'where' or 'rows_file', not both; keep one"
        },
        {
            "safety without bound", H + "checks:\n  - safety:\n      name: minors\n      where: age < 18\n", 10, 5,
            "safety sets no bound; add negative_flips: { at_most: 0 }, negative_flip_rate: { at_most: ... } or a metric with at_least/at_most"
        },
        {
            "rows_file without data.id", H + "checks:\n  - safety:\n      name: s\n      rows_file: must-pass.txt\n      negative_flips: { at_most: 0 }\n", 12, 18,
            "'rows_file' lists rows by id, but data.id is not set; add data.id (the holdout's id column)"
        },
        {
            "fairness on a multiclass task", H.Replace("task: binary", "task: multiclass", StringComparison.Ordinal) + "slices:\n  sex: { column: sex }\nchecks:\n  - fairness:\n      slices: [sex]\n      demographic_parity_ratio: { at_least: 0.8 }\n", 12, 5,
            "fairness disparities are defined for binary tasks (selection rate, TPR and FPR per group), and this policy's task is multiclass; use a subgroups check instead"
        },
        {
            "disparity typo", H + "slices:\n  sex: { column: sex }\nchecks:\n  - fairness:\n      slices: [sex]\n      demographic_parity_ration: { at_least: 0.8 }\n      equalized_odds_difference: { at_most: 0.1 }\n", 14, 7,
            "unknown key 'demographic_parity_ration' in fairness; did you mean 'demographic_parity_ratio'? (valid keys: id, severity, optional, slices, max_increase, demographic_parity_difference, demographic_parity_ratio, equalized_odds_difference, equalized_odds_ratio, equal_opportunity_difference)"
        },
        {
            "calibration of label outputs", H.Replace("  baseline: models/baseline.onnx", "  scores: label", StringComparison.Ordinal) + "checks:\n  - calibration: { metric: ece, at_most: 0.05 }\n", 10, 28,
            "metric 'ece' needs scores, but models.scores is label; export probabilities or logits, or use a label metric such as accuracy or f1"
        },
        {
            "calibration on regression", H.Replace("task: binary", "task: regression", StringComparison.Ordinal) + "checks:\n  - calibration: { at_most: 0.05 }\n", 10, 5,
            "calibration applies to classification tasks, and this policy's task is regression; remove this check"
        },
        {
            "setting beside a check kind", H + "checks:\n  - calibration: { at_most: 0.05 }\n    severity: warning\n", 11, 5,
            "'severity' belongs inside 'calibration:' (indent it under calibration), not beside it"
        },
        {
            "unknown check kind", H + "checks:\n  - calibraton: { at_most: 0.05 }\n", 10, 5,
            "unknown check kind 'calibraton'; did you mean 'calibration'? (valid kinds: metric, generalization_gap, calibration, subgroups, fairness, safety, latency, model_size_mb, drift, prediction_drift, leakage, reject_rate, rolling_window, resource_cost, robustness)"
        },
        {
            "latency without bound", H + "checks:\n  - latency: { batch_size: 8 }\n", 10, 5,
            "latency sets no bound; add e.g. p95_ms: { at_most: 5 } or max_relative_increase: 0.2"
        },
        {
            "model size of zero", H + "checks:\n  - model_size_mb: { at_most: 0 }\n", 10, 31,
            "'at_most' must be above 0 megabytes, got 0"
        },
        {
            "confidence above 1", H + "statistics:\n  confidence: 1.5\n", 10, 15,
            "'confidence' must be at least 0.5 and below 1, e.g. 0.95, got 1.5"
        },
        {
            "inconclusive typo", H + "statistics:\n  inconclusive: warnings\n", 10, 17,
            "'inconclusive' must be one of error, warning, info; got 'warnings'; did you mean 'warning'?"
        },
        {
            "reshape that does not fit", H + "  inputs:\n    pixels: { columns: [a, b, c], shape: [1, 2, 2] }\n", 10, 42,
            "'shape' [1, 2, 2] holds 4 values per row, but input 'pixels' lists 3 columns; make them agree"
        },
        {
            "per_column beside named inputs", H + "  inputs:\n    per_column: true\n    x: [a, b]\n", 10, 5,
            "'per_column' cannot be combined with named inputs; use either one input per column or named inputs"
        },
        {
            "decision threshold on regression", H.Replace("task: binary", "task: regression", StringComparison.Ordinal).Replace("  baseline:", "  decision_threshold: 0.3\n  baseline:", StringComparison.Ordinal), 5, 23,
            "'decision_threshold' applies to binary tasks only; this policy's task is regression; remove it"
        },
        {
            "column type typo", H + "  column_types: { zip: txt }\n", 9, 24,
            "'zip' must be one of numeric, text; got 'txt'; did you mean 'text'?"
        },
        {
            "check id with spaces", H + "checks:\n  - id: my check\n    metric: f1\n    at_least: 0.5\n", 10, 9,
            "check id 'my check' may hold only letters, digits, '_', '.' and '-' (it names the check in JUnit and annotations)"
        },
        {
            "delong on multiclass", H.Replace("task: binary", "task: multiclass", StringComparison.Ordinal) + "checks:\n  - metric: roc_auc\n    max_drop: 0.01\n    test: delong\n", 12, 11,
            "'test: delong' applies to roc_auc on a binary task; use 'test: bootstrap' for roc_auc"
        },
        {
            "label fed to the model", H + "  inputs:\n    input: [age, released, checks]\n", 10, 18,
            "inputs.input includes the label column 'released', so the model would see the answer; remove it from the input"
        },
        {
            "too many resamples", H + "statistics:\n  resamples: 50000000\n", 10, 14,
            "'resamples' must be at most 1000000; 1000 to 10000 resamples give stable 95% intervals"
        },
        {
            "too few resamples", H + "statistics:\n  resamples: 10\n", 10, 14,
            "'resamples' must be at least 100 (1000 is the default), got 10"
        },
        {
            "checks not a list", H + "checks:\n  metric: roc_auc\n", 10, 3,
            "'checks' must be a list of checks (each line starting with '- '), got a mapping"
        },
        {
            "negative flips budget not a whole number", H + "checks:\n  - safety:\n      name: s\n      where: age < 18\n      negative_flips: { at_most: 0.5 }\n", 13, 34,
            "'at_most' must be a whole number, got a number ('0.5')"
        },
        {
            "evidence key typo", H + "report:\n  evidence:\n    column: note\n    kind: image\n    thumbnial: 64\n", 13, 5,
            "unknown key 'thumbnial' in report.evidence; did you mean 'thumbnail'? (valid keys: column, kind, rows, thumbnail, max_chars)"
        },
        {
            "evidence kind typo", H + "report:\n  evidence:\n    column: note\n    kind: imgae\n", 12, 11,
            "'kind' must be one of image, text; got 'imgae'; did you mean 'image'?"
        },
        {
            "evidence without a column", H + "report:\n  evidence:\n    kind: text\n", 11, 5,
            "report.evidence needs 'column' (the holdout column of image paths or texts)"
        },
        {
            "evidence rows above the limit", H + "report:\n  evidence: { column: note, kind: text, rows: 500 }\n", 10, 47,
            "'rows' must be from 1 to 100, got 500"
        },
        {
            "evidence thumbnail too small", H + "report:\n  evidence: { column: image, kind: image, thumbnail: 4 }\n", 10, 54,
            "'thumbnail' must be from 16 to 512, got 4"
        },
        {
            "evidence on a regression task", H.Replace("task: binary", "task: regression", StringComparison.Ordinal) + "report:\n  evidence:\n    column: note\n    kind: text\n", 11, 5,
            "report.evidence shows flipped and misclassified rows, so it needs a classification task (binary or multiclass)"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_policy_gives_one_located_error(string name, string yaml, int line, int column, string message)
    {
        using var t = new TestPolicies();
        t.Write("must-pass.txt", "17\n");
        var result = t.Load(yaml);
        var error = TestPolicies.SingleError(result);
        Assert.True(message == error.Message, $"{name}: message\n  expected: {message}\n  actual:   {error.Message}");
        Assert.True((line, column) == (error.Location.Line, error.Location.Column), $"{name}: expected {line}:{column}, got {error.Location.Line}:{error.Location.Column}");
        Assert.Equal(Path.Combine(t.Folder, "modelgate.yml"), error.Location.File);
    }

    [Fact]
    public void The_table_has_at_least_thirty_cases() => Assert.True(Cases.Count >= 30);

    [Fact]
    public void All_errors_are_reported_not_just_the_first()
    {
        using var t = new TestPolicies();
        var result = t.Load(H + "checks:\n  - metric: roc_acu\n    at_least: 0.8\n  - metric: accuracy\n    at_least: 2\n  - calibraton: { at_most: 0.1 }\nwaivers:\n  - { check: nope, reason: r, owner: o, expires: 2026-12-31 }\n");
        Assert.Equal([10, 13, 14, 16], result.Errors.Select(e => e.Location.Line));
        var thrown = Assert.Throws<Diagnostics.PolicyException>(() => result.GetPolicyOrThrow());
        var lines = thrown.Message.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{Path.Combine(t.Folder, "modelgate.yml")}:10:13: error: unknown metric 'roc_acu'", lines[0], StringComparison.Ordinal);
    }
}
