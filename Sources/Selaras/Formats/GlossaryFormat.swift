import Foundation

/// What reading a glossary file gives: its entries, and what was skipped or merged.
public struct GlossaryFile: Sendable {
  public var entries: [TermEntry]
  public var diagnostics: [Diagnostic]

  public init(entries: [TermEntry], diagnostics: [Diagnostic] = []) {
    self.entries = entries
    self.diagnostics = diagnostics
  }
}

/// Reads one glossary format into the library's entries.
public protocol GlossaryReader: Sendable {
  /// The entries of `text`, a whole file; `file` names it in errors.
  func read(_ text: String, file: String) throws -> GlossaryFile
}

/// Writes entries in one glossary format.
public protocol GlossaryWriter: Sendable {
  func write(_ entries: [TermEntry]) -> String
}

/// The glossary formats, each with its reader and writer: the one place a format is chosen.
public enum GlossaryFormat: String, CaseIterable, Codable, Sendable {
  /// OmegaT's tab-separated glossary.
  case tsv
  /// Comma-separated, with a header row.
  case csv
  /// TBX-Basic (`<martif>`) out; TBX-Basic or TBX v3 in.
  case tbx

  /// The format a file's extension names (`.tsv`, `.csv`, `.tbx`, any case; OmegaT's
  /// glossary names `.txt`, `.utf8` and `.tab` are its tab-separated form), or nil.
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "txt", "utf8", "tab": self = .tsv
    default: self.init(rawValue: fileExtension.lowercased())
    }
  }

  /// The reader, Indonesian being the source language of the delimited forms.
  public var reader: any GlossaryReader { reader(source: .indonesian, target: .english) }

  /// The reader of a delimited file whose first column is `source` and second `target` (an
  /// OmegaT glossary is in its project's direction); TBX says its languages itself.
  public func reader(source: LanguageTag, target: LanguageTag) -> any GlossaryReader {
    switch self {
    case .tsv: TSVGlossaryReader(sourceLanguage: source, targetLanguage: target)
    case .csv: CSVGlossaryReader(sourceLanguage: source, targetLanguage: target)
    case .tbx: TBXReader()
    }
  }

  public var writer: any GlossaryWriter { writer(source: .indonesian, target: .english) }

  /// The writer with `source` in the first column (TBX: the first language of each entry).
  public func writer(source: LanguageTag, target: LanguageTag) -> any GlossaryWriter {
    switch self {
    case .tsv: DelimitedGlossaryWriter(separator: .tab, sourceLanguage: source, targetLanguage: target)
    case .csv: DelimitedGlossaryWriter(separator: .comma, sourceLanguage: source, targetLanguage: target)
    case .tbx: TBXWriter(sourceLanguage: source)
    }
  }
}
