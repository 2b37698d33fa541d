import Foundation
import SelarasTestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("selaras pretranslate")
struct PretranslateCommandTests {
  /// The trans-units of an XLIFF file: id, source, target with its state qualifier, and the
  /// alt-trans qualities and targets.
  private struct Unit {
    var source: String
    var target: String?
    var qualifier: String?
    var translate: Bool
    var alternatives: [(quality: Int, target: String)]
    var notes: [String]
  }

  private func units(_ url: URL) throws -> [Unit] {
    let document = try XMLDocument(contentsOf: url)
    return try document.nodes(forXPath: "//*[local-name()='trans-unit']").compactMap { $0 as? XMLElement }.map { unit in
      func children(_ name: String, of element: XMLElement) -> [XMLElement] {
        element.children?.compactMap { $0 as? XMLElement }.filter { $0.localName == name } ?? []
      }
      func attribute(_ name: String, of element: XMLElement?) -> String? {
        element?.attributes?.first { $0.localName == name || $0.name == name }?.stringValue
      }
      let target = children("target", of: unit).first
      return Unit(
        source: children("source", of: unit).first?.stringValue ?? "", target: target?.stringValue,
        qualifier: attribute("state-qualifier", of: target),
        translate: attribute("translate", of: unit) != "no",
        alternatives: children("alt-trans", of: unit).map { alternative in
          (
            Int(attribute("match-quality", of: alternative) ?? "") ?? -1,
            children("target", of: alternative).first?.stringValue ?? ""
          )
        },
        notes: children("note", of: unit).compactMap(\.stringValue))
    }
  }

  @Test("Every sentence saved from an alignment comes back as a 100% match with its stored target")
  func savedSentencesComeBack() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    let names = ["economy-bi-rate", "health-dengue", "diplomacy-lavrov-tehran"]
    for name in names {
      let saved = try CommandRunner.run(
        ["align", "Corpora/\(name).en.txt", "Corpora/\(name).id.txt", "--save", "--min-score", "0.5"],
        database: database)
      #expect(saved.status == 0)
    }
    // The pairs that went in: one English sentence each, as the JSON of the same alignment says.
    let name = "economy-bi-rate"
    let aligned = try CommandRunner.run([
      "align", "Corpora/\(name).en.txt", "Corpora/\(name).id.txt", "--format", "json",
    ])
    struct Alignment: Decodable {
      struct Bead: Decodable {
        var source: [Int]
        var target: [Int]
        var score: Double
      }
      var source: [String]
      var target: [String]
      var beads: [Bead]
    }
    let alignment = try JSONDecoder().decode(Alignment.self, from: Data(aligned.stdout.utf8))
    var stored: [String: String] = [:]
    for bead in alignment.beads where bead.source.count == 1 && !bead.target.isEmpty && bead.score >= 0.5 {
      stored[alignment.source[bead.source[0]]] = bead.target.map { alignment.target[$0] }.joined(separator: " ")
    }
    #expect(stored.count >= 5)
    let output = TemporaryFile.url("xlf")
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try CommandRunner.run(
      ["pretranslate", "Corpora/\(name).en.txt", "--output", output.path], database: database)
    #expect(result.status == 0, "\(result.stderr)")
    let units = try units(output)
    for (source, target) in stored {
      let unit = units.first { $0.source == source }
      #expect(unit?.target == target, "\(source)")
      #expect(["exact-match", "id-match"].contains(unit?.qualifier ?? ""), "\(source)")
      #expect(unit?.alternatives.first?.quality == 100)
    }
    // The glossary's terms are there too.
    #expect(units.contains { $0.notes.contains("rupiah = rupiah") })
  }

  @Test("An edited sentence's alt-trans quality is tm search's score for it, and the analysis counts by hand")
  func fuzzyAndAnalysis() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    // Three units of one document, in order, through TMX.
    let tmx = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: tmx) }
    let pairs = [
      ("Bank Indonesia kept its benchmark rate unchanged.", "BI mempertahankan suku bunga acuan."),
      ("The rupiah fell against the dollar on Tuesday.", "Rupiah melemah terhadap dolar pada Selasa."),
      ("Inflation slowed to 1.71% in October.", "Inflasi melambat menjadi 1,71 persen pada Oktober."),
    ]
    let body = pairs.map { english, indonesian in
      """
          <tu><prop type="x-document">story-a</prop><tuv xml:lang="en"><seg>\(english)</seg></tuv>\
      <tuv xml:lang="id"><seg>\(indonesian)</seg></tuv></tu>
      """
    }.joined(separator: "\n")
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" \
    adminlang="en" srclang="en" datatype="plaintext"/><body>
    \(body)
    </body></tmx>
    """.write(to: tmx, atomically: true, encoding: .utf8)
    #expect(try CommandRunner.run(["tm", "import", tmx.path], database: database).status == 0)
    // The story: the three in order (the first two have both neighbours' matches in order:
    // context; the third's next segment is no exact match), one edited (8 tokens with the
    // punctuation, one changed: 87%), one new, and the first again (a repetition).
    let edited = "Inflation slowed to 1.71% in September."
    let article = """
      Bank Indonesia kept its benchmark rate unchanged.

      The rupiah fell against the dollar on Tuesday.

      Inflation slowed to 1.71% in October.

      \(edited)

      Exports rose sharply in the third quarter.

      Bank Indonesia kept its benchmark rate unchanged.
      """
    let input = TemporaryFile.url("txt")
    let output = TemporaryFile.url("xlf")
    defer {
      try? FileManager.default.removeItem(at: input)
      try? FileManager.default.removeItem(at: output)
    }
    try article.write(to: input, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(
      ["pretranslate", input.path, "--output", output.path, "--json"], database: database)
    #expect(result.status == 0, "\(result.stderr)")
    let search = try CommandRunner.run(["tm", "search", edited, "--json", "--min-score", "0"], database: database)
    struct Search: Decodable {
      struct Match: Decodable { var score: Int }
      var matches: [Match]
    }
    let score = try JSONDecoder().decode(Search.self, from: Data(search.stdout.utf8)).matches.first?.score
    #expect(score == 99)  // another month: a placeable
    let units = try units(output)
    #expect(units.count == 6)
    #expect(units[3].alternatives.first?.quality == score)
    #expect(units[3].target == nil)  // --fill 100: fuzzy matches are shown, not filled in
    #expect(units.map(\.qualifier) == ["id-match", "id-match", "exact-match", nil, nil, "exact-match"])
    struct Analysis: Decodable {
      struct Band: Decodable {
        var band: String
        var segments: Int
        var words: Int
      }
      var segments: Int
      var words: Int
      var bands: [Band]
    }
    let analysis = try JSONDecoder().decode(Analysis.self, from: Data(result.stdout.utf8))
    // Words by hand: 7, 8, 6 (1.71 is one), 6, 7, 7.
    let expected: [String: (Int, Int)] = [
      "repetitions": (1, 7), "101": (2, 15), "100": (1, 6), "95-99": (1, 6), "85-94": (0, 0), "75-84": (0, 0),
      "50-74": (0, 0), "no match": (1, 7),
    ]
    #expect(
      analysis.bands.map(\.band) == ["repetitions", "101", "100", "95-99", "85-94", "75-84", "50-74", "no match"])
    for band in analysis.bands {
      #expect(band.segments == expected[band.band]?.0 && band.words == expected[band.band]?.1, "\(band.band)")
    }
    #expect(analysis.segments == 6 && analysis.words == 41)
  }

  @Test("translate-toolkit reads the XLIFF: the same units, our targets and alt-trans, exact matches not fuzzy")
  func translateToolkitReadsIt() throws {
    let database = TemporaryFile.url("sqlite")
    let output = TemporaryFile.url("xlf")
    defer {
      TemporaryFile.removeDatabase(database)
      try? FileManager.default.removeItem(at: output)
    }
    _ = try CommandRunner.run(
      ["align", "Corpora/health-dengue.en.txt", "Corpora/health-dengue.id.txt", "--save"], database: database)
    #expect(
      try CommandRunner.run(
        ["pretranslate", "Corpora/health-dengue.en.txt", "--output", output.path], database: database
      )
      .status == 0)
    let ours = try units(output)
    let script = """
      import sys
      from translate.storage import xliff
      store = xliff.xlifffile.parsefile(open(sys.argv[1], 'rb'))
      units = [u for u in store.units if not u.isheader()]
      print(len(units), sum(1 for u in units if u.target), sum(len(u.getalttrans()) for u in units),
            sum(1 for u in units if u.target and u.isfuzzy()))
      """
    let result = try CommandRunner.run(["-c", script, output.path], tool: URL(fileURLWithPath: "/usr/bin/python3"))
    #expect(result.status == 0, "translate-toolkit: \(result.stderr)")
    // Exact and context matches are translated for translate-toolkit (and pocount), not
    // fuzzy: only the fuzzy matches are.
    let fuzzy = ours.filter { $0.target != nil && $0.qualifier == "fuzzy-match" }.count
    let expected =
      "\(ours.count) \(ours.filter { $0.target != nil }.count) \(ours.reduce(0) { $0 + $1.alternatives.count }) \(fuzzy)\n"
    #expect(result.stdout == expected)
    #expect(ours.filter { $0.target != nil && $0.qualifier == "exact-match" }.count > 0)
  }

  @Test("OmegaT opens the XLIFF as a source file and writes every filled target into its translation")
  func omegaT() throws {
    let database = TemporaryFile.url("sqlite")
    let project = TemporaryFile.folder()
    defer {
      TemporaryFile.removeDatabase(database)
      try? FileManager.default.removeItem(at: project)
    }
    _ = try CommandRunner.run(
      ["align", "Corpora/economy-bi-rate.en.txt", "Corpora/economy-bi-rate.id.txt", "--save"], database: database)
    for folder in ["source", "target", "tm", "glossary", "dictionary", "omegat"] {
      try FileManager.default.createDirectory(
        at: project.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    let xliff = project.appendingPathComponent("source/story.xlf")
    #expect(
      try CommandRunner.run(
        ["pretranslate", "Corpora/economy-bi-rate.en.txt", "--output", xliff.path], database: database
      )
      .status == 0)
    try """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <omegat><project version="1.0">
      <source_dir>source</source_dir><source_dir_excludes/><target_dir>target</target_dir><tm_dir>tm</tm_dir>
      <glossary_dir>glossary</glossary_dir><glossary_file>glossary/glossary.txt</glossary_file>
      <dictionary_dir>dictionary</dictionary_dir><source_lang>EN</source_lang><target_lang>ID</target_lang>
      <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
      <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
      <sentence_seg>false</sentence_seg><support_default_translations>true</support_default_translations>
      <remove_tags>false</remove_tags>
    </project></omegat>
    """.write(to: project.appendingPathComponent("omegat.project"), atomically: true, encoding: .utf8)
    let run = try CommandRunner.run(
      ["-Djava.awt.headless=true", "-jar", "/usr/share/omegat/OmegaT.jar", project.path, "--mode=console-translate"],
      tool: URL(fileURLWithPath: "/usr/bin/java"))
    #expect(run.status == 0, "OmegaT: \(run.stderr.suffix(500))")
    let ours = try units(xliff).compactMap(\.target)
    let theirs = try units(project.appendingPathComponent("target/story.xlf")).compactMap(\.target)
    #expect(!ours.isEmpty)
    #expect(theirs == ours)
  }

  @Test("An empty or binary file is one clear error, and nothing is written")
  func badInput() throws {
    let empty = TemporaryFile.url("txt")
    let binary = TemporaryFile.url("txt")
    let output = TemporaryFile.url("xlf")
    defer {
      for file in [empty, binary, output] { try? FileManager.default.removeItem(at: file) }
    }
    try Data().write(to: empty)
    try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]).write(to: binary)
    for file in [empty, binary] {
      let result = try CommandRunner.run(["pretranslate", file.path, "--output", output.path])
      #expect(result.status == 1)
      #expect(result.stderr.hasPrefix("Error: \(file.path): ") && result.stderr.split(separator: "\n").count == 1)
      #expect(!FileManager.default.fileExists(atPath: output.path))
    }
  }
}
