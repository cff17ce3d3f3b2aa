#include "app/desktop/document/recipe_file.h"

#include "app/desktop/util/qt_convert.h"
#include "core/ops/registry.h"

#include <QFile>
#include <QSaveFile>

namespace preplab::desktop {

Result<void> validateRecipe(const nlohmann::json& recipe, const std::string& file)
{
    auto bad = [&](const std::string& message) { return makeError(ErrorCode::BadRecipe, message, file); };
    if (!recipe.is_object())
        return bad("a recipe is a JSON object");
    if (recipe.value("format", std::string()) != "preplab-recipe")
        return bad("field \"format\": expected \"preplab-recipe\"");
    auto version = recipe.find("version");
    if (version == recipe.end() || !version->is_number_integer())
        return bad("field \"version\": expected an integer");
    if (version->get<int>() > 1)
        return bad("version " + std::to_string(version->get<int>()) + " is newer than this PrepLab reads (1)");
    for (auto it = recipe.begin(); it != recipe.end(); ++it)
        if (it.key() != "format" && it.key() != "version" && it.key() != "target" && it.key() != "steps")
            return bad("unknown field \"" + it.key() + "\"");
    if (recipe.contains("target") && !recipe["target"].is_string())
        return bad("field \"target\": expected a string");
    auto steps = recipe.find("steps");
    if (steps == recipe.end() || !steps->is_array())
        return bad("field \"steps\": expected an array");
    for (std::size_t i = 0; i < steps->size(); ++i) {
        auto op = ops::createOp((*steps)[i], i, nullptr);
        if (!op) {
            Error e = op.error();
            e.file = file;
            return e;
        }
    }
    return {};
}

Result<nlohmann::json> readRecipeFile(const QString& path)
{
    const std::string file = toStdString(path);
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, toStdString(in.errorString()), file);
    const QByteArray bytes = in.readAll();
    nlohmann::json recipe;
    try {
        recipe = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const nlohmann::json::parse_error& e) {
        // The byte offset is what nlohmann gives; turn it into a line for the message.
        const auto offset = static_cast<qsizetype>(std::min<std::size_t>(e.byte, static_cast<std::size_t>(bytes.size())));
        const std::int64_t line = bytes.left(offset).count('\n') + 1;
        return makeError(ErrorCode::BadRecipe, "not valid JSON", file, line);
    }
    if (auto ok = validateRecipe(recipe, file); !ok)
        return ok.error();
    return recipe;
}

Result<void> writeRecipeFile(const QString& path, const nlohmann::json& recipe)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, toStdString(out.errorString()), toStdString(path));
    const std::string text = recipe.dump(2) + "\n";
    out.write(text.data(), static_cast<qint64>(text.size()));
    if (!out.commit())
        return makeError(ErrorCode::Io, toStdString(out.errorString()), toStdString(path));
    return {};
}

} // namespace preplab::desktop
