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

  /// The format a file's extension names (`.tsv`, `.csv`, `.tbx`, any case), or nil.
  public init?(fileExtension: String) {
    self.init(rawValue: fileExtension.lowercased())
  }

  /// The reader, Indonesian being the source language of the delimited forms.
  public var reader: any GlossaryReader {
    switch self {
    case .tsv: TSVGlossaryReader()
    case .csv: CSVGlossaryReader()
    case .tbx: TBXReader()
    }
  }

  public var writer: any GlossaryWriter {
    switch self {
    case .tsv: DelimitedGlossaryWriter(separator: .tab)
    case .csv: DelimitedGlossaryWriter(separator: .comma)
    case .tbx: TBXWriter()
    }
  }
}
