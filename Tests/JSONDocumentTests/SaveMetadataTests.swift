import Foundation
import Testing
import TestSupport
@testable import JSONDocument

/// A save keeps what the file carries besides its bytes, or writes in place and says so.
@Suite struct SaveMetadataTests {
    static let original = #"{"a": 1}"# + "\n"
    static let edited = #"{"a": 2}"# + "\n"

    static func inode(_ path: String) -> ino_t {
        var info = stat()
        stat(path, &info)
        return info.st_ino
    }

    @Test func aHardLinkedFileIsWrittenInPlaceAndStaysOneFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", Self.original)
        let other = folder.path + "/other-name.json"
        #expect(link(path, other) == 0)
        let before = Self.inode(path)
        let method = try FileStore.write(Array(Self.edited.utf8), to: path, expected: Array(Self.original.utf8))
        #expect(method == .inPlace(reason: "it has 2 hard links"))
        #expect(method.note == "written in place, behind a backup copy, because it has 2 hard links")
        #expect(Self.inode(path) == before)
        #expect(String(decoding: Repository.bytes(of: other), as: UTF8.self) == Self.edited)
        // The backup copy is gone once the file is complete.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["event.json", "other-name.json"])
    }

    @Test func aHardLinkedFileChangedOnDiskIsNotOverwritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", Self.original)
        #expect(link(path, folder.path + "/other-name.json") == 0)
        let theirs = #"{"a": 1, "b": true}"# + "\n"
        let fd = open(path, O_WRONLY | O_TRUNC)
        _ = theirs.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, theirs.utf8.count) }
        close(fd)
        let error = #expect(throws: FileError.self) {
            try FileStore.write(Array(Self.edited.utf8), to: path, expected: Array(Self.original.utf8))
        }
        #expect(error?.kind == .changedOnDisk)
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == theirs)
    }

    @Test func aShorterEditInPlaceLeavesNoOldBytesBehind() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let long = #"{"a": 1, "padding": "\#(String(repeating: "x", count: 5000))"}"#
        let path = try folder.write("event.json", long)
        #expect(link(path, folder.path + "/second.json") == 0)
        try FileStore.write(Array(Self.edited.utf8), to: path, expected: Array(long.utf8))
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == Self.edited)
    }

    @Test func theModeIsKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", Self.original)
        chmod(path, 0o604)
        let method = try FileStore.write(Array(Self.edited.utf8), to: path, expected: Array(Self.original.utf8))
        #expect(method == .replaced)
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o7777 == 0o604)
    }

    static var hasAttrTools: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/setfattr") && FileManager.default.isExecutableFile(atPath: "/usr/bin/setfacl")
    }

    @Test(.enabled(if: hasAttrTools || Conformance.isCI, "needs setfattr and setfacl (Debian packages attr and acl)"))
    func extendedAttributesAndACLsAreKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", Self.original)
        let set = Shell.capture("setfattr", "-n", "user.origin", "-v", "captured-in-prod", path)
        try #require(set.status == 0, "this file system takes no user extended attributes: \(set.output)")
        #expect(Shell.capture("setfacl", "-m", "u:nobody:rw", path).status == 0)
        let aclBefore = Shell.capture("getfacl", "--absolute-names", "--omit-header", path).output
        let method = try FileStore.write(Array(Self.edited.utf8), to: path, expected: Array(Self.original.utf8))
        #expect(method == .replaced)
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == Self.edited)
        #expect(Shell.capture("getfattr", "--absolute-names", "--only-values", "-n", "user.origin", path).output == "captured-in-prod")
        #expect(Shell.capture("getfacl", "--absolute-names", "--omit-header", path).output == aclBefore)
        #expect(aclBefore.contains("user:nobody:rw-"))
    }
}

extension SaveMetadataTests {
    @Test func aFailedWriteInPlacePutsTheOldBytesBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", Self.original)
        #expect(link(path, folder.path + "/other-name.json") == 0)
        let error = #expect(throws: FileError.self) {
            try FileStore.write(Array(Self.edited.utf8), to: path, expected: Array(Self.original.utf8), faults: .init(writeErrno: ENOSPC))
        }
        #expect(error?.kind == .diskFull)
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == Self.original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["event.json", "other-name.json"])
    }

    @Test(.enabled(if: getuid() == 0, "only root can give a file to another owner"))
    func rootKeepsAnotherUsersOwnership() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", Self.original)
        #expect(chown(path, 65534, 65534) == 0)
        let method = try FileStore.write(Array(Self.edited.utf8), to: path, expected: Array(Self.original.utf8))
        #expect(method == .replaced)
        var info = stat()
        stat(path, &info)
        #expect(info.st_uid == 65534 && info.st_gid == 65534)
    }
}
