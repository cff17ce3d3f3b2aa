// SetTargetCommand: sets the recipe's target column (the label a model predicts; never
// transformed by default, used for stratifying and target encoding).
#pragma once

#include <QUndoCommand>

#include <string>

namespace preplab::desktop {

class Document;

class SetTargetCommand : public QUndoCommand {
public:
    SetTargetCommand(Document* document, std::string target);

    void redo() override;
    void undo() override;

private:
    Document* m_document;
    std::string m_old;
    std::string m_new;
};

} // namespace preplab::desktop
