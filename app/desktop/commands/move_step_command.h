// MoveStepCommand: moves one step to another position of the recipe (drag and drop, Move Up/Down).
#pragma once

#include <QUndoCommand>

namespace preplab::desktop {

class Document;

class MoveStepCommand : public QUndoCommand {
public:
    MoveStepCommand(Document* document, int from, int to);

    void redo() override;
    void undo() override;

private:
    Document* m_document;
    int m_from;
    int m_to;
};

} // namespace preplab::desktop
