// SetStepEnabledCommand: turns one step on or off ("enabled": false keeps it without running it).
#pragma once

#include <QUndoCommand>

namespace preplab::desktop {

class Document;

class SetStepEnabledCommand : public QUndoCommand {
public:
    SetStepEnabledCommand(Document* document, int index, bool enabled);

    void redo() override;
    void undo() override;

private:
    void apply(bool enabled);

    Document* m_document;
    int m_index;
    bool m_enabled;
};

} // namespace preplab::desktop
