// AddStepCommand: inserts a step into the recipe (Add Step, Duplicate Step, paste).
#pragma once

#include <nlohmann/json.hpp>

#include <QUndoCommand>

namespace preplab::desktop {

class Document;

class AddStepCommand : public QUndoCommand {
public:
    AddStepCommand(Document* document, int index, nlohmann::json step, const QString& text);

    void redo() override;
    void undo() override;

private:
    Document* m_document;
    int m_index;
    nlohmann::json m_step;
};

} // namespace preplab::desktop
