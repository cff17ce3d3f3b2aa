#include "app/desktop/document/recipe_file.h"

#include "app/desktop/util/qt_convert.h"
#include "core/pipeline/recipe.h"

#include <QFile>
#include <QSaveFile>

namespace preplab::desktop {

Result<void> validateRecipe(const nlohmann::json& recipe, const std::string& file)
{
    // The core's reader is the one authority on what a recipe may hold (recipe.md).
    auto parsed = pipeline::Recipe::fromJson(recipe, file);
    if (!parsed)
        return parsed.error();
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
