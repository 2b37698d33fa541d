import ArgumentParser
import Foundation
import Hummingbird
import Selaras
import SelarasServer
import SelarasWeb

struct Review: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Review an alignment in the browser before it goes into the memory.",
    discussion: """
      Aligns SOURCE and TARGET (or loads --alignment, a file of `align --format json` or a saved review) \
      and serves the review page on 127.0.0.1 only. The first line of standard output is the page's \
      address with its token: http://127.0.0.1:PORT/?token=TOKEN. The page's header names the files \
      under review. Beyond merging, splitting, moving and accepting beads, the page corrects a \
      sentence's text (double-click it, or e; Enter saves, Escape cancels), kept in the saved review \
      with the text it had, and splits a bead after any sentence (its ✂ marks, or S). The page saves \
      to --output (default SOURCE.review.json, or the --alignment file itself); "Save to memory" stores \
      the accepted and edited pairs in the memory (--db), a corrected pair marked x-edited, and says \
      how many went where, or why none did (nothing accepted yet); with --save, saving does too. \
      Ctrl-C stops the server and says on stderr how many edits were not saved.

      Examples:
        selaras review Corpora/economy-bi-rate.en.txt Corpora/economy-bi-rate.id.txt --save
        selaras review --alignment story.json --no-open
      """)

  @OptionGroup var pair: ArticlePairOptions

  @Option(help: "An alignment to review instead: `align --format json` output, or a saved review.")
  var alignment: String?

  @Option(help: "The port on 127.0.0.1; 0 picks a free one.")
  var port = 0

  @Option(help: "Where the page saves the reviewed alignment.")
  var output: String?

  @Flag(help: "Saving also stores the accepted and edited pairs in the memory.")
  var save = false

  @Flag(help: "Print the address only; do not open a browser.")
  var noOpen = false

  @OptionGroup var store: StoreOptions

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    if alignment != nil {
      guard pair.source == nil && pair.target == nil else {
        throw ValidationError("give SOURCE and TARGET, or --alignment, not both")
      }
    } else {
      guard pair.source != nil, pair.target != nil else {
        throw ValidationError("give SOURCE and TARGET, or --alignment FILE")
      }
    }
  }

  func run() async throws {
    // The glossary whose terms the page marks, and which anchors a new alignment: read once.
    let glossary = try await LoadedGlossary.load(store)
    let direction = try await pair.languages.resolved(store)
    let document: AlignmentDocument
    let name: String
    let defaultOutput: String
    let files: ReviewFiles
    if let alignment {
      do {
        document = try AlignmentDocument.read(Data(InputFile.text(alignment).utf8), file: alignment)
      } catch let error as AlignmentFileError {
        throw CommandError(error.description)
      }
      name = URL(fileURLWithPath: alignment).deletingPathExtension().lastPathComponent
      defaultOutput = alignment
      files = ReviewFiles(alignment: Self.fileName(alignment))
    } else {
      let lexicon = try await LoadedGlossary.lexicon(
        adding: glossary.shippedFirst, learned: store.learnedTranslations())
      let article = try await pair.aligned(by: pair.aligner(direction, lexicon: lexicon), saving: save)
      document = AlignmentDocument(article, resources: MachineResources.forLexicon)
      // A page read from a URL is saved beside us, named for its last path component.
      let source = pair.source!
      let isURL = PageFetcher.isURL(source)
      name =
        isURL
        ? (URL(string: source)?.lastPathComponent).flatMap { $0.isEmpty || $0 == "/" ? nil : $0 } ?? "page"
        : ArticlePairFolder.documentName(source)
      defaultOutput = isURL ? name + ".review.json" : source + ".review.json"
      files = ReviewFiles(source: Self.fileName(source), target: Self.fileName(pair.target!))
    }
    let review: AlignmentReview
    do {
      review = try AlignmentReview(document)
    } catch {
      throw CommandError("\(alignment ?? name): the alignment does not fit its texts: \(error)")
    }
    let store = self.store
    let saveToMemory = save
    let session = ReviewSession(
      review: review, output: URL(fileURLWithPath: output ?? defaultOutput), documentName: name,
      sourceLanguage: direction.source, targetLanguage: direction.target,
      memory: { try await store.memory(recording: direction) },
      saveToMemoryOnSave: saveToMemory, glossary: glossary, files: files, storeDescription: store.name)
    let token = Self.newToken()
    let open = !noOpen
    let app = Application(
      router: ReviewServer.router(session: session, token: token),
      configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "selaras"),
      onServerRunning: { channel in
        let address = "http://127.0.0.1:\(channel.localAddress?.port ?? 0)/?token=\(token)"
        FileHandle.standardOutput.write(Data((address + "\n").utf8))
        if open { Self.openBrowser(address) }
      })
    do {
      try await app.runService()
    } catch {
      throw CommandError("127.0.0.1:\(port): cannot serve (\(error))")
    }
    let unsaved = await session.unsavedEdits
    if unsaved > 0 {
      printError("\(unsaved) edit\(unsaved == 1 ? "" : "s") not saved: the review was stopped before the page saved it")
    }
  }

  /// A file as the page's header names it: its name without the folders, a page read from
  /// the web by its address, standard input as such.
  static func fileName(_ path: String) -> String {
    if path == "-" { return "standard input" }
    return PageFetcher.isURL(path) ? path : URL(fileURLWithPath: path).lastPathComponent
  }

  /// 128 random bits, as hex.
  static func newToken() -> String {
    // Always 32 hex digits.
    AccessTokens.randomHex(words: 2)
  }

  /// Opens `address` in the desktop's browser when there is one (`xdg-open`); quietly does
  /// nothing otherwise, the address being on standard output.
  static func openBrowser(_ address: String) {
    let opener = "/usr/bin/xdg-open"
    guard FileManager.default.isExecutableFile(atPath: opener) else { return }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: opener)
    process.arguments = [address]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try? process.run()
  }
}
