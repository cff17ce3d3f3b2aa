// RemoveStepCommand: deletes one step from the recipe.
#pragma once

#include <nlohmann/json.hpp>

#include <QUndoCommand>

namespace preplab::desktop {

class Document;

class RemoveStepCommand : public QUndoCommand {
public:
    RemoveStepCommand(Document* document, int index);

    void redo() override;
    void undo() override;

private:
    Document* m_document;
    int m_index;
    nlohmann::json m_step;
};

} // namespace preplab::desktop
