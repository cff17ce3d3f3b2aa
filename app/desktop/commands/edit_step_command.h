// EditStepCommand: sets one field of one step (a null value removes the field, so the op's default
// applies). Consecutive edits of the same field of the same step merge into one undo step, so a
// slider drag or typing in a box is undone at once.
#pragma once

#include <nlohmann/json.hpp>

#include <QUndoCommand>

#include <string>

namespace preplab::desktop {

class Document;

class EditStepCommand : public QUndoCommand {
public:
    EditStepCommand(Document* document, int index, std::string field, nlohmann::json value);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const nlohmann::json& value);

    Document* m_document;
    int m_index;
    std::string m_field;
    nlohmann::json m_old;  // null = the field was absent
    nlohmann::json m_new;
};

} // namespace preplab::desktop
