#include "core/ops/registry.h"

#include "core/ops/param_reader.h"

namespace preplab::ops {

// Factories, one per op file (each op's class stays private to its .cpp).
std::unique_ptr<Op> makeDropMissingOp();
std::unique_ptr<Op> makeDropColumnsOp();
std::unique_ptr<Op> makeRenameOp();
std::unique_ptr<Op> makeCastOp();
std::unique_ptr<Op> makeReplaceOp();
std::unique_ptr<Op> makeTextCleanOp();
std::unique_ptr<Op> makeDropDuplicatesOp();
std::unique_ptr<Op> makeFilterOp();
std::unique_ptr<Op> makeFormulaOp();
std::unique_ptr<Op> makeBinOp();
std::unique_ptr<Op> makeDatePartsOp();
std::unique_ptr<Op> makeSplitOp();
std::unique_ptr<Op> makeSampleOp();
std::unique_ptr<Op> makeResampleOp();
std::unique_ptr<Op> makeImputeOp();
std::unique_ptr<Op> makeClipOutliersOp();
std::unique_ptr<Op> makeScaleOp();
std::unique_ptr<Op> makeTransformOp();
std::unique_ptr<Op> makeDiscretizeOp();
std::unique_ptr<Op> makeOneHotOp();
std::unique_ptr<Op> makeOrdinalOp();
std::unique_ptr<Op> makeFrequencyOp();
std::unique_ptr<Op> makeTargetEncodeOp();
std::unique_ptr<Op> makePolynomialOp();

std::string_view opGroupName(OpGroup group)
{
    switch (group) {
    case OpGroup::Clean: return "Clean";
    case OpGroup::MissingValues: return "Missing values";
    case OpGroup::Outliers: return "Outliers";
    case OpGroup::ScaleTransform: return "Scale and transform";
    case OpGroup::Encode: return "Encode";
    case OpGroup::Features: return "Features";
    case OpGroup::Sampling: return "Sampling";
    }
    return "";
}

const std::vector<OpInfo>& allOps()
{
    static const std::vector<OpInfo> ops = {
        // Clean
        {"drop_columns", OpGroup::Clean, "Drop columns", false, "Removes the listed columns.", makeDropColumnsOp},
        {"rename", OpGroup::Clean, "Rename columns", false, "Gives columns new names.", makeRenameOp},
        {"cast", OpGroup::Clean, "Change type", false,
         "Converts columns to another type; cells that cannot be converted become missing.", makeCastOp},
        {"replace", OpGroup::Clean, "Replace values", false,
         "Replaces listed values (such as -999 or \"?\") with another value or with missing.", makeReplaceOp},
        {"text_clean", OpGroup::Clean, "Clean text", false,
         "Trims spaces, collapses runs of spaces and changes the case of text.", makeTextCleanOp},
        {"drop_duplicates", OpGroup::Clean, "Drop duplicate rows", false,
         "Removes rows that repeat an earlier (or later) row.", makeDropDuplicatesOp},
        {"filter", OpGroup::Clean, "Filter rows", false, "Keeps the rows where a condition is true.", makeFilterOp},

        // Missing values
        {"drop_missing", OpGroup::MissingValues, "Drop missing values", false,
         "Drops the rows (or columns) that have missing values.", makeDropMissingOp},
        {"impute", OpGroup::MissingValues, "Impute missing values", true,
         "Fills missing values with a statistic of the fit rows (mean, median, most frequent), a constant or "
         "the nearest rows (KNN).", makeImputeOp},

        // Outliers
        {"clip_outliers", OpGroup::Outliers, "Clip outliers", true,
         "Clips, removes or blanks values outside bounds learned from the fit rows (IQR, z-score, percentiles).",
         makeClipOutliersOp},

        // Scale and transform
        {"scale", OpGroup::ScaleTransform, "Scale", true,
         "Standardizes or rescales numeric columns with statistics of the fit rows.", makeScaleOp},
        {"transform", OpGroup::ScaleTransform, "Transform distribution", true,
         "Log, square root, Yeo-Johnson, Box-Cox or quantile transform of numeric columns.", makeTransformOp},
        {"discretize", OpGroup::ScaleTransform, "Discretize", true,
         "Replaces numbers by their bin (equal width, quantile or k-means bins).", makeDiscretizeOp},

        // Encode
        {"one_hot", OpGroup::Encode, "One-hot encode", true,
         "Replaces a categorical column by one 0/1 column per category.", makeOneHotOp},
        {"ordinal", OpGroup::Encode, "Ordinal encode", true,
         "Replaces categories by their position in sorted (or given) order.", makeOrdinalOp},
        {"frequency", OpGroup::Encode, "Frequency encode", true,
         "Replaces categories by how often they occur in the fit rows.", makeFrequencyOp},
        {"target_encode", OpGroup::Encode, "Target encode", true,
         "Replaces categories by the smoothed mean of the target in the fit rows.", makeTargetEncodeOp},

        // Features
        {"formula", OpGroup::Features, "Formula column", false,
         "Computes a new column from an expression over other columns.", makeFormulaOp},
        {"bin", OpGroup::Features, "Bin into intervals", false,
         "Turns a number into the interval (bin) it falls in, with fixed edges.", makeBinOp},
        {"date_parts", OpGroup::Features, "Date parts", false,
         "Adds year, month, day, weekday ... columns from a date column.", makeDatePartsOp},
        {"polynomial", OpGroup::Features, "Polynomial features", false,
         "Adds squares and products of numeric columns.", makePolynomialOp},

        // Sampling
        {"split", OpGroup::Sampling, "Train/test split", false,
         "Marks a random (stratified) share of rows as test rows; later steps learn from the training rows only.",
         makeSplitOp},
        {"sample", OpGroup::Sampling, "Random sample", false, "Keeps a random subset of the rows.", makeSampleOp},
        {"resample", OpGroup::Sampling, "Rebalance classes", true,
         "Over-samples (copies or SMOTE) or under-samples the training rows so the target's classes balance.",
         makeResampleOp},
    };
    return ops;
}

const OpInfo* findOp(std::string_view name)
{
    for (const auto& info : allOps())
        if (info.name == name)
            return &info;
    return nullptr;
}

std::string knownOpNames()
{
    std::string out;
    for (const auto& info : allOps())
        out += (out.empty() ? "" : ", ") + std::string(info.name);
    return out;
}

Result<std::unique_ptr<Op>> createOp(const nlohmann::json& step, std::size_t stepIndex, const Schema* schema)
{
    const std::string where = "step " + std::to_string(stepIndex + 1);
    if (!step.is_object())
        return makeError(ErrorCode::BadRecipe, where + ": expected an object, got " + jsonTypeName(step));
    auto it = step.find("op");
    if (it == step.end())
        return makeError(ErrorCode::BadRecipe, where + ": field \"op\" is required");
    if (!it->is_string())
        return makeError(ErrorCode::BadRecipe, where + ": field \"op\": expected a string, got " + jsonSnippet(*it));
    const std::string name = it->get<std::string>();
    const OpInfo* info = findOp(name);
    if (!info) {
        std::vector<std::string> names;
        for (const auto& o : allOps())
            names.emplace_back(o.name);
        std::string hint = closestName(name, names);
        return makeError(ErrorCode::BadRecipe, where + ": unknown op \"" + name + "\"" +
                                                   (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
                                                   "; known ops: " + knownOpNames());
    }
    auto op = info->create();
    ParamReader reader(step, stepIndex, name, schema);
    op->parse(reader);
    if (auto done = reader.finish(); !done)
        return done.error();
    return op;
}

Result<StepOutput> runStep(const Table& table, const nlohmann::json& step, StepContext ctx,
                           const std::vector<std::int64_t>* origin)
{
    Schema schema = Schema::of(table, ctx.target, ctx.hasSplit());
    auto op = createOp(step, ctx.stepIndex, &schema);
    if (!op)
        return op.error();
    ctx.op = step.at("op").get<std::string>();
    const OpInfo* info = findOp(ctx.op);
    if (info->fitted)
        if (auto fitted = (*op)->fit(table, ctx); !fitted)
            return fitted.error();
    auto out = (*op)->apply(table, ctx);
    if (!out)
        return out.error();
    if (ctx.progress.cancelled())
        return makeError(ErrorCode::Cancelled, ctx.label() + ": cancelled");
    out->report.stepIndex = ctx.stepIndex;
    out->report.op = ctx.op;
    out->report.fitted = (*op)->fittedParams();
    if (info->fitted) {
        out->report.fitRowCount = ctx.fitRows.size();
        out->report.fittedOn = ctx.fitOnAll && ctx.hasSplit() ? "all rows (fit_on: all)"
                               : ctx.hasSplit()               ? "training rows"
                                                              : "all rows";
    }
    completeReport(table, *out, origin);
    return out;
}

} // namespace preplab::ops
