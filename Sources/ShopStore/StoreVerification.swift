import ShopCore

extension Store {
    /// Reads every file of the folder without changing anything (and without the lock) and reports
    /// counts and the first problem: snapshots, every journal record's framing and events, the replay.
    public static func verify(_ folder: DataFolder) -> VerificationReport {
        let layout = StoreLayout(folder: folder.path)
        var report = VerificationReport(folder: folder.path)
        guard SystemCall.kind(of: folder.path) == .folder else {
            if SystemCall.exists(folder.path) { report.problem = .notAFolder(path: folder.path) }
            return report
        }
        report.hasData = layout.hasData
        do throws(StoreError) {
            if let previous = try SnapshotFile.load(layout.previousSnapshot) {
                report.previousSnapshotSequence = previous.sequence
            }
        } catch {
            report.problem = error
        }
        do throws(StoreError) {
            if let bytes = try SystemCall.readFile(layout.journal) {
                let scan = JournalScan.scan(bytes)
                report.journalRecords = scan.records.count
                report.journalFirstSequence = scan.records.first?.sequence
                report.journalLastSequence = scan.records.last?.sequence
                report.tornTailBytes = scan.tornBytes
            }
        } catch {
            report.problem = report.problem ?? error
        }
        do throws(StoreError) {
            let image = try ShopImage.read(layout)
            report.snapshotSequence = image.snapshotFile == nil ? nil : image.snapshotSequence
            report.snapshotBytes = image.snapshotSize
            if let scan = image.journal {
                if let bytes = try SystemCall.readFile(layout.journal), let failure = decodeAll(scan, bytes: bytes) {
                    throw failure.storeError(file: layout.journal)
                }
            }
            report.lastSequence = image.sequence
            report.products = image.state.catalogue.count
            report.cartLines = image.state.carts.lineCount
        } catch {
            if report.problem == nil { report.problem = error }
        }
        return report
    }

    /// Decodes the events of every record, including those a snapshot already covers.
    static func decodeAll(_ scan: JournalScan, bytes: [UInt8]) -> DecodingFailure? {
        bytes.withUnsafeBytes { buffer -> DecodingFailure? in
            for record in scan.records {
                let payload = UnsafeRawBufferPointer(rebasing: buffer[record.payloadOffset..<record.end])
                do throws(DecodingFailure) {
                    _ = try EventCodec.decode(payload, fileOffset: record.payloadOffset)
                } catch {
                    return error
                }
            }
            return nil
        }
    }
}
