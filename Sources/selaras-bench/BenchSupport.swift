import Foundation
import Selaras

/// Prints one figure as a JSON line with keys in the given order.
func report(_ fields: KeyValuePairs<String, Any>) {
  let body = fields.map { key, value -> String in
    let rendered: String
    switch value {
    case let number as Double: rendered = String(format: "%.4f", number)
    case let number as Int: rendered = String(number)
    case let flag as Bool: rendered = String(flag)
    default: rendered = "\"\(value)\""
    }
    return "\"\(key)\":\(rendered)"
  }
  print("{" + body.joined(separator: ",") + "}")

}

/// The median seconds of `runs` calls to `body`: CPU time of this thread, which a busy
/// neighbour on a shared machine disturbs far less than wall-clock time (the benchmarks
/// are single-threaded, so the two agree on a quiet machine).
/// The wall-clock seconds `body` takes.
func wallSeconds(_ body: () throws -> Void) rethrows -> Double {
  let start = ContinuousClock.now
  try body()
  return seconds(ContinuousClock.now - start)
}

/// ``wallSeconds(_:)`` for work that awaits.
func wallSeconds(_ body: () async throws -> Void) async rethrows -> Double {
  let start = ContinuousClock.now
  try await body()
  return seconds(ContinuousClock.now - start)
}

private func seconds(_ elapsed: Duration) -> Double {
  Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The median wall-clock seconds of `runs` runs of `body`: for work that may use more than
/// the calling thread (the segmenter cuts a long text in two).
func medianWallSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
  var times: [Double] = []
  for _ in 0..<runs { times.append(try wallSeconds(body)) }
  return times.sorted()[times.count / 2]
}

func medianSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = threadCPUSeconds()
    try body()
    times.append(threadCPUSeconds() - start)
  }
  return times.sorted()[times.count / 2]
}

private func threadCPUSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The article pairs in a Corpora folder: names of `NAME.en.txt` files with their `.id.txt`.
func corpusNames(in directory: String) throws -> [String] {
  try corporaFolder(directory).names(.english, .indonesian)
}

/// The Corpora folder at `path`, for its files' names.
func corporaFolder(_ path: String) -> ArticlePairFolder {
  ArticlePairFolder(URL(fileURLWithPath: path))
}

/// The sentence pairs (English, Indonesian) of every 1-1 gold bead of the Corpora-style
/// folder at `path`.
func goldPairs(in path: String) throws -> [(english: String, indonesian: String)] {
  let folder = corporaFolder(path)
  var pairs: [(english: String, indonesian: String)] = []
  for name in try corpusNames(in: path) {
    let english = try readLines(folder.file(name, .english, .lines).path)
    let indonesian = try readLines(folder.file(name, .indonesian, .lines).path)
    for bead in try folder.goldBeads(name) where bead.source.count == 1 && bead.target.count == 1 {
      pairs.append((english[bead.source.lowerBound], indonesian[bead.target.lowerBound]))
    }
  }
  return pairs
}

func readText(_ path: String) throws -> String {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw BenchError("\(path): cannot read the file")
  }
  return try String(validatingUTF8Text: data)
}

/// The gold sentences of a `.lines` file: one a line, blank lines ignored.
func readLines(_ path: String) throws -> [String] {
  try readText(path).split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// The `selaras` executable built beside this one.
func selarasExecutable() -> URL {
  URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    .appendingPathComponent("selaras")
}

/// The median wall-clock time of `runs` runs of the `selaras` executable built beside this
/// one, with `arguments` and its standard output thrown away: what a whole process takes,
/// start-up, reading and writing included.
func selarasProcessSeconds(runs: Int, _ arguments: [String]) throws -> Double {
  let executable = selarasExecutable()
  guard FileManager.default.isExecutableFile(atPath: executable.path) else {
    throw BenchError("\(executable.path): no selaras executable beside the bench (swift build -c release)")
  }
  // Started with posix_spawn and reaped with a blocking waitpid: Foundation's
  // Process.waitUntilExit polls, which rounded every time up to a step of its poll.
  let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var times: [Double] = []
  for _ in 0..<runs {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    var status: Int32 = 0
    times.append(
      try wallSeconds {
        let started = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard started == 0 else {
          throw BenchError("cannot start \(executable.path): \(String(cString: strerror(started)))")
        }
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
      })
    guard status == 0 else { throw BenchError("selaras \(arguments.joined(separator: " ")) failed") }
  }
  return times.sorted()[times.count / 2]
}
