import Foundation
import Synchronization
import SelarasServer
import SelarasTestSupport
import Testing

@Suite("Access tokens")
struct AccessTokensTests {
  @Test("A created token is printed once: the file keeps its name, role and hash, owner-readable only")
  func roundTrip() throws {
    let file = TemporaryFile.url("tokens")
    defer { try? FileManager.default.removeItem(at: file) }
    var tokens = try AccessTokens(contentsOf: file)
    #expect(tokens.holders.isEmpty)
    let token = try tokens.create(name: "dewi", role: .write)
    #expect(token.count == 64)
    try tokens.write(to: file)
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(!text.contains(token))
    #expect(text.contains("dewi\twrite\tsha256:"))
    // The hash is the token's SHA-256, as sha256sum computes it (swift-crypto's digest).
    let sum = Process()
    sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let (input, output) = (Pipe(), Pipe())
    (sum.standardInput, sum.standardOutput) = (input, output)
    try sum.run()
    input.fileHandleForWriting.write(Data(token.utf8))
    try input.fileHandleForWriting.close()
    let digest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
    sum.waitUntilExit()
    #expect(text.contains("dewi\twrite\tsha256:\(digest)\n"), "\(text)")
    #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
    let read = try AccessTokens(contentsOf: file)
    #expect(read.holder(of: token)?.name == "dewi" && read.holder(of: token)?.role == .write)
    #expect(read.holder(of: String(token.dropLast())) == nil)
    #expect(throws: AccessTokensError.self) { _ = try tokens.create(name: "dewi", role: .read) }
    #expect(AccessRole.read < .write && AccessRole.write < .admin)
  }

  @Test("A malformed line is an error naming the file and line")
  func malformed() throws {
    let file = TemporaryFile.url("tokens")
    defer { try? FileManager.default.removeItem(at: file) }
    try "# comment\ndewi\tsuperuser\tsha256:00\n".write(to: file, atomically: true, encoding: .utf8)
    #expect {
      _ = try AccessTokens(contentsOf: file)
    } throws: { error in
      (error as? AccessTokensError)?.description.hasSuffix("\(file.path):2: expected NAME<TAB>read|write|admin<TAB>sha256:HEX") == true
    }
  }

  @Test("A running server's tokens follow the file: a line removed revokes its token within a check interval; a file that no longer reads leaves the tokens as they were; a file removed holds none")
  func watched() throws {
    let file = TemporaryFile.url("tokens")
    defer { try? FileManager.default.removeItem(at: file) }
    var tokens = AccessTokens()
    let dewi = try tokens.create(name: "dewi", role: .read)
    let budi = try tokens.create(name: "budi", role: .admin)
    try tokens.write(to: file)
    let rejected = Mutex<[String]>([])
    let watched = try WatchedAccessTokens(contentsOf: file) { error in rejected.withLock { $0.append(error.description) } }
    #expect(watched.holder(of: budi)?.role == .admin)
    // budi's line removed, as an operator revoking it does.
    let kept = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("budi\t") }
    try (kept.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    Thread.sleep(forTimeInterval: 0.3)
    #expect(watched.holder(of: budi) == nil)
    #expect(watched.holder(of: dewi)?.name == "dewi")
    // Half edited: the last good tokens hold, and the reason is told once.
    try "dewi\tread\n".write(to: file, atomically: true, encoding: .utf8)
    Thread.sleep(forTimeInterval: 0.3)
    #expect(watched.holder(of: dewi)?.name == "dewi")
    Thread.sleep(forTimeInterval: 0.3)
    #expect(watched.holder(of: dewi)?.name == "dewi")
    #expect(rejected.withLock { $0 }.count == 1)
    #expect(rejected.withLock { $0 }.first?.contains("\(file.path):1:") == true)
    try FileManager.default.removeItem(at: file)
    Thread.sleep(forTimeInterval: 0.3)
    #expect(watched.holder(of: dewi) == nil)
  }
}
