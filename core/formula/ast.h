// Formula syntax tree: what the parser builds from an expression such as
// `if(bill_length_mm > 45, "long", "short")` and the evaluator walks, column-wise.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace preplab::formula {

enum class NodeKind {
    Number,   // number literal (value)
    String,   // string literal (text)
    Boolean,  // true / false (value 1 / 0)
    Column,   // identifier or `backticked name` (text = column name)
    Unary,    // op: "-", "+", "not"; children[0]
    Binary,   // op: + - * / % // ** == != < <= > >= and or; children[0], children[1]
    Call,     // text = function name; children = arguments
};

struct Node {
    NodeKind kind = NodeKind::Number;
    std::size_t position = 0;  // byte offset of the node's first character in the source
    double value = 0.0;
    std::string text;
    std::string op;
    std::vector<std::unique_ptr<Node>> children;
};

using NodePtr = std::unique_ptr<Node>;

} // namespace preplab::formula
