// Formula parser: builds a syntax tree from tokens. Grammar, loosest binding first:
//   expr    := or
//   or      := and (("or" | "||" | "|") and)*
//   and     := not (("and" | "&&" | "&") not)*
//   not     := ("not" | "!" | "~") not | compare
//   compare := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)*   chained like Python: a < b < c
//   sum     := product (("+" | "-") product)*
//   product := unary (("*" | "/" | "//" | "%") unary)*
//   unary   := ("-" | "+") unary | power
//   power   := primary (("**" | "^") unary)?                       right-associative, -2**2 = -4
//   primary := number | string | true | false | name | `name` | name "(" args ")" | "(" expr ")"
// Function names are checked here (see functions()), column names later, against a schema.
#pragma once

#include "core/formula/ast.h"
#include "core/util/result.h"

#include <string_view>

namespace preplab::formula {

struct FunctionInfo {
    std::string_view name;
    int minArgs, maxArgs;  // maxArgs -1 = any number
    std::string_view signature;  // for messages: "round(x, digits = 0)"
};
// if, log, log10, log1p, exp, sqrt, abs, floor, ceil, min, max, pow, round, isna, notna
const std::vector<FunctionInfo>& functions();

inline constexpr int kMaxDepth = 200;

Result<NodePtr> parse(std::string_view source);

} // namespace preplab::formula
