// Formula lexer: splits an expression into tokens with their byte positions.
//   numbers      12, 3.5, .5, 1e-3
//   strings      "text" or 'text' (backslash escapes \" \' \\ \n \t)
//   identifiers  [A-Za-z_][A-Za-z0-9_]* (and any non-ASCII UTF-8 letters); `any name` in backticks
//   operators    + - * / % // ** ^ == != <> < <= > >= ( ) , and or not && || ! & | ~
// Keywords and, or, not, true, false (also True, False) are case-sensitive.
#pragma once

#include "core/util/result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace preplab::formula {

enum class TokenKind { Number, String, Identifier, QuotedIdentifier, Operator, LParen, RParen, Comma, End };

struct Token {
    TokenKind kind = TokenKind::End;
    std::size_t position = 0;  // byte offset
    std::string text;          // identifier, string contents or operator (normalised: "and", "or", "not", "**")
    double number = 0.0;
};

// 1-based character position (UTF-8 code points) of byte offset `offset` in `source`.
std::size_t characterPosition(std::string_view source, std::size_t offset);
// A BadRecipe error "at character N: message" for byte offset `offset` of `source`.
Error formulaError(std::string_view source, std::size_t offset, const std::string& message);

Result<std::vector<Token>> tokenize(std::string_view source);

} // namespace preplab::formula
