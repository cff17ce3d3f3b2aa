#include "app/desktop/document/document.h"

namespace preplab::desktop {

Document::Document(QString sourcePath, std::shared_ptr<const Table> source, Diagnostics warnings, QObject* parent)
    : QObject(parent), m_sourcePath(std::move(sourcePath)), m_source(std::move(source)),
      m_readWarnings(std::move(warnings))
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this] { Q_EMIT changed({ChangeEvent::Kind::RecipePathChanged}); });
}

void Document::setCurrentStep(int step)
{
    if (step == m_currentStep)
        return;
    m_currentStep = step;
    Q_EMIT changed({ChangeEvent::Kind::StepSelected, step});
}

void Document::setCurrentColumn(const QString& column)
{
    if (column == m_currentColumn)
        return;
    m_currentColumn = column;
    Q_EMIT changed({ChangeEvent::Kind::ColumnSelected, m_currentStep});
}

} // namespace preplab::desktop

namespace preplab::desktop {

bool Document::isEnabled(const nlohmann::json& step)
{
    auto it = step.find("enabled");
    return it == step.end() || !it->is_boolean() || it->get<bool>();
}

nlohmann::json Document::recipeJson() const
{
    nlohmann::json recipe = {{"format", "preplab-recipe"}, {"version", 1}};
    if (!m_target.empty())
        recipe["target"] = m_target;
    recipe["steps"] = m_steps;
    return recipe;
}

void Document::loadRecipe(const nlohmann::json& recipe, const QString& path)
{
    m_undoStack.clear();
    m_steps.clear();
    m_target = recipe.value("target", std::string());
    if (auto it = recipe.find("steps"); it != recipe.end() && it->is_array())
        for (const auto& step : *it)
            m_steps.push_back(step);
    m_recipePath = path;
    m_currentStep = m_steps.empty() ? -1 : stepCount() - 1;
    Q_EMIT changed({ChangeEvent::Kind::RecipeChanged, -1});
    Q_EMIT changed({ChangeEvent::Kind::StepSelected, m_currentStep});
    Q_EMIT changed({ChangeEvent::Kind::RecipePathChanged});
}

void Document::markRecipeSaved(const QString& path)
{
    m_recipePath = path;
    m_undoStack.setClean();
    Q_EMIT changed({ChangeEvent::Kind::RecipePathChanged});
}

void Document::insertStep(int index, nlohmann::json step)
{
    m_steps.insert(m_steps.begin() + index, std::move(step));
    m_currentStep = index;
    Q_EMIT changed({ChangeEvent::Kind::RecipeChanged, index});
    Q_EMIT changed({ChangeEvent::Kind::StepSelected, index});
}

nlohmann::json Document::takeStep(int index)
{
    nlohmann::json step = std::move(m_steps[static_cast<std::size_t>(index)]);
    m_steps.erase(m_steps.begin() + index);
    if (m_currentStep >= stepCount())
        m_currentStep = stepCount() - 1;
    Q_EMIT changed({ChangeEvent::Kind::RecipeChanged, index});
    Q_EMIT changed({ChangeEvent::Kind::StepSelected, m_currentStep});
    return step;
}

void Document::moveStep(int from, int to)
{
    nlohmann::json step = std::move(m_steps[static_cast<std::size_t>(from)]);
    m_steps.erase(m_steps.begin() + from);
    m_steps.insert(m_steps.begin() + to, std::move(step));
    m_currentStep = to;
    Q_EMIT changed({ChangeEvent::Kind::RecipeChanged, to});
    Q_EMIT changed({ChangeEvent::Kind::StepSelected, to});
}

void Document::replaceStep(int index, nlohmann::json step)
{
    m_steps[static_cast<std::size_t>(index)] = std::move(step);
    Q_EMIT changed({ChangeEvent::Kind::RecipeChanged, index});
}

void Document::setTarget(std::string target)
{
    m_target = std::move(target);
    Q_EMIT changed({ChangeEvent::Kind::RecipeChanged, -1});
}

} // namespace preplab::desktop
