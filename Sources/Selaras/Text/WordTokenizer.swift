/// A word of a sentence, as the aligner and glossary see it.
public struct WordToken: Hashable, Sendable {
  public enum Kind: Sendable {
    case word, number
  }

  public var text: String
  public var kind: Kind
  /// Whether the first letter is uppercase.
  public var isCapitalized: Bool
  /// The index of the token in its sentence.
  public var position: Int
}

/// Splits a sentence into words and numbers.
///
/// Letters, marks and internal hyphens or apostrophes make words (`negara-negara`,
/// `Amir-Abdollahian`); digits with internal `.`, `,`, `:` or `/` make numbers (`1.500`,
/// `6,00`, `1:21`, `25/10/2023`). A run of single letters with full stops is one word
/// (`U.S.` → `US`). Everything else separates tokens.
public enum WordTokenizer {
  public static func tokens(_ text: String) -> [WordToken] {
    let scalars = Array(text.unicodeScalars)
    var tokens: [WordToken] = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if isDigit(scalar) {
        var end = index + 1
        while end < scalars.count {
          if isDigit(scalars[end]) {
            end += 1
          } else if ".,:/".unicodeScalars.contains(scalars[end]), end + 1 < scalars.count, isDigit(scalars[end + 1]) {
            end += 2
          } else {
            break
          }
        }
        append(scalars[index..<end], .number, to: &tokens)
        index = end
      } else if isLetter(scalar) {
        if let (acronym, end) = dottedAcronym(scalars, from: index) {
          tokens.append(WordToken(text: acronym, kind: .word, isCapitalized: true, position: tokens.count))
          index = end
          continue
        }
        var end = index + 1
        while end < scalars.count {
          if isLetter(scalars[end]) {
            end += 1
          } else if "-'’".unicodeScalars.contains(scalars[end]), end + 1 < scalars.count, isLetter(scalars[end + 1]) {
            end += 2
          } else {
            break
          }
        }
        append(scalars[index..<end], .word, to: &tokens)
        index = end
      } else {
        index += 1
      }
    }
    return tokens
  }

  private static func append(_ scalars: ArraySlice<Unicode.Scalar>, _ kind: WordToken.Kind, to tokens: inout [WordToken]) {
    var text = String(String.UnicodeScalarView(scalars))
    // English possessive: Russia's → Russia.
    if kind == .word, text.hasSuffix("'s") || text.hasSuffix("’s") {
      text = String(text.dropLast(2))
    }
    let capitalized = scalars.first.map { $0.properties.isUppercase } ?? false
    tokens.append(WordToken(text: text, kind: kind, isCapitalized: capitalized, position: tokens.count))
  }

  /// `U.S.`, `U.N.` as one word without the stops; nil for anything else.
  private static func dottedAcronym(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
    var letters = String.UnicodeScalarView()
    var index = start
    while index + 1 < scalars.count, isLetter(scalars[index]), scalars[index + 1] == ".",
      index + 2 >= scalars.count || !isLetter(scalars[index + 2]) || scalars[index + 2].properties.isUppercase
    {
      letters.append(scalars[index])
      index += 2
    }
    guard letters.count >= 2, index >= scalars.count || !isLetter(scalars[index]) else { return nil }
    return (String(letters).uppercased(), index)
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar)
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic
  }
}
