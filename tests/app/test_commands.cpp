// Every undo command: redo, undo, redo again leaves the recipe exactly as after the first redo,
// and undo restores the recipe exactly as before.
#include "app_test_support.h"

#include "app/desktop/commands/add_step_command.h"
#include "app/desktop/commands/edit_step_command.h"
#include "app/desktop/commands/move_step_command.h"
#include "app/desktop/commands/remove_step_command.h"
#include "app/desktop/commands/set_step_enabled_command.h"
#include "app/desktop/commands/set_target_command.h"
#include "app/desktop/document/document.h"

#include <catch2/catch.hpp>

using namespace preplab;
using namespace preplab::desktop;
using nlohmann::json;

namespace {

// A document with three steps, its undo stack clean.
std::unique_ptr<Document> threeSteps()
{
    auto doc = std::make_unique<Document>(QStringLiteral("small.csv"), testing::smallTable());
    json recipe = {{"format", "preplab-recipe"},
                   {"version", 1},
                   {"steps", {{{"op", "impute"}, {"strategy", "mean"}}, {{"op", "scale"}}, {{"op", "one_hot"}}}}};
    doc->loadRecipe(recipe, QString());
    return doc;
}

// Pushes `command`, then checks undo -> `before`, redo -> the state after the push.
void roundTrip(Document& doc, QUndoCommand* command)
{
    const json before = doc.recipeJson();
    const bool wasModified = doc.isRecipeModified();
    doc.undoStack()->push(command);
    const json after = doc.recipeJson();
    CHECK(after != before);
    CHECK(doc.isRecipeModified());
    doc.undoStack()->undo();
    CHECK(doc.recipeJson() == before);
    CHECK(doc.isRecipeModified() == wasModified);
    doc.undoStack()->redo();
    CHECK(doc.recipeJson() == after);
    doc.undoStack()->undo();
    CHECK(doc.recipeJson() == before);
}

} // namespace

TEST_CASE("AddStepCommand: round trip, at the start, middle and end", "[app][commands]")
{
    auto doc = threeSteps();
    for (int at : {0, 2, 3}) {
        roundTrip(*doc, new AddStepCommand(doc.get(), at, {{"op", "drop_missing"}}, QStringLiteral("add")));
        CHECK(doc->stepCount() == 3);
    }
    doc->undoStack()->push(new AddStepCommand(doc.get(), 1, {{"op", "drop_missing"}}, QStringLiteral("add")));
    CHECK(doc->step(1)["op"] == "drop_missing");
    CHECK(doc->currentStep() == 1);
}

TEST_CASE("RemoveStepCommand: round trip keeps the removed step's fields", "[app][commands]")
{
    auto doc = threeSteps();
    roundTrip(*doc, new RemoveStepCommand(doc.get(), 0));
    CHECK(doc->step(0)["strategy"] == "mean");
    roundTrip(*doc, new RemoveStepCommand(doc.get(), 2));
}

TEST_CASE("RemoveStepCommand: removing the only step leaves an empty recipe", "[app][commands]")
{
    Document doc(QStringLiteral("small.csv"), testing::smallTable());
    doc.undoStack()->push(new AddStepCommand(&doc, 0, {{"op", "scale"}}, QStringLiteral("add")));
    doc.undoStack()->push(new RemoveStepCommand(&doc, 0));
    CHECK(doc.stepCount() == 0);
    CHECK(doc.currentStep() == -1);
    doc.undoStack()->undo();
    CHECK(doc.stepCount() == 1);
}

TEST_CASE("MoveStepCommand: round trip up and down", "[app][commands]")
{
    auto doc = threeSteps();
    roundTrip(*doc, new MoveStepCommand(doc.get(), 0, 2));
    roundTrip(*doc, new MoveStepCommand(doc.get(), 2, 0));
    doc->undoStack()->push(new MoveStepCommand(doc.get(), 0, 2));
    CHECK(doc->step(2)["op"] == "impute");
    CHECK(doc->step(0)["op"] == "scale");
    CHECK(doc->currentStep() == 2);
}

TEST_CASE("SetStepEnabledCommand: round trip and enabling removes the field", "[app][commands]")
{
    auto doc = threeSteps();
    roundTrip(*doc, new SetStepEnabledCommand(doc.get(), 1, false));
    doc->undoStack()->push(new SetStepEnabledCommand(doc.get(), 1, false));
    CHECK(doc->step(1)["enabled"] == false);
    doc->undoStack()->push(new SetStepEnabledCommand(doc.get(), 1, true));
    CHECK_FALSE(doc->step(1).contains("enabled"));
}

TEST_CASE("EditStepCommand: round trip, and a null value removes the field", "[app][commands]")
{
    auto doc = threeSteps();
    roundTrip(*doc, new EditStepCommand(doc.get(), 0, "strategy", "median"));
    roundTrip(*doc, new EditStepCommand(doc.get(), 0, "strategy", nullptr));
    roundTrip(*doc, new EditStepCommand(doc.get(), 1, "method", "robust"));
}

TEST_CASE("EditStepCommand: a slider drag is one undo step", "[app][commands]")
{
    auto doc = threeSteps();
    const json before = doc->recipeJson();
    for (double k : {1.0, 1.5, 2.0, 2.5, 3.0})
        doc->undoStack()->push(new EditStepCommand(doc.get(), 1, "k", k));
    CHECK(doc->undoStack()->count() == 1);
    CHECK(doc->step(1)["k"] == 3.0);
    // Another field, or another step, starts a new undo step.
    doc->undoStack()->push(new EditStepCommand(doc.get(), 1, "method", "minmax"));
    doc->undoStack()->push(new EditStepCommand(doc.get(), 0, "k", 1.0));
    CHECK(doc->undoStack()->count() == 3);
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    CHECK(doc->recipeJson() == before);
}

TEST_CASE("EditStepCommand: dragging back to the start leaves nothing to undo", "[app][commands]")
{
    auto doc = threeSteps();
    doc->undoStack()->push(new EditStepCommand(doc.get(), 0, "strategy", "median"));
    doc->undoStack()->push(new EditStepCommand(doc.get(), 0, "strategy", "mean"));
    CHECK(doc->undoStack()->count() == 0);
    CHECK_FALSE(doc->isRecipeModified());
}

TEST_CASE("SetTargetCommand: round trip, set and clear", "[app][commands]")
{
    auto doc = threeSteps();
    roundTrip(*doc, new SetTargetCommand(doc.get(), "g"));
    doc->undoStack()->push(new SetTargetCommand(doc.get(), "g"));
    CHECK(doc->recipeJson()["target"] == "g");
    roundTrip(*doc, new SetTargetCommand(doc.get(), ""));
}
