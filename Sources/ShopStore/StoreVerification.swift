import ShopCore

extension Store {
    /// Reads every file of the folder without changing anything (and without the lock) and reports each
    /// file's own state — snapshots, every journal record's framing and events, what damage may have
    /// held — then the replay a normal open would do and its first problem. A FIFO, device, socket or
    /// folder where a store file should be is reported without being opened.
    public static func verify(_ folder: DataFolder) -> VerificationReport {
        let layout = StoreLayout(folder: folder.path)
        var report = VerificationReport(folder: folder.path)
        guard SystemCall.kind(of: folder.path) == .folder else {
            if SystemCall.exists(folder.path) { report.problem = .notAFolder(path: folder.path) }
            return report
        }
        report.hasData = layout.hasData
        func note(_ error: StoreError) { if report.problem == nil { report.problem = error } }

        report.snapshot = inspectSnapshot(layout.snapshot)
        report.previousSnapshot = inspectSnapshot(layout.previousSnapshot)
        if case let .good(covers, bytes) = report.snapshot {
            report.snapshotSequence = covers
            report.snapshotBytes = bytes
        }
        if case let .good(covers, _) = report.previousSnapshot { report.previousSnapshotSequence = covers }
        for state in [report.snapshot, report.previousSnapshot] {
            if case let .damaged(error) = state { note(error) }
        }
        if let kind = SystemCall.specialKind(of: layout.lock) { note(.notARegularFile(path: layout.lock, kind: kind)) }

        do throws(StoreError) {
            if let bytes = try SystemCall.readFile(layout.journal) {
                let scan = JournalScan.scan(bytes)
                report.journalRecords = scan.records.count
                report.journalFirstSequence = scan.records.first?.sequence
                report.journalLastSequence = scan.records.last?.sequence
                report.tornTailBytes = scan.tornBytes
                let covered = report.snapshotSequence ?? 0
                report.journalDamage = scan.damages.map { damage in
                    // A damaged record names itself in the reason; unreadable bytes are described.
                    let held = damage.heldSequences == nil || damage.sequence != nil ? "" : "; held \(damage.heldDescription)"
                    let coverage = damage.heldSequences == nil || damage.mayHoldRecords(after: covered) ? "" : " (the snapshot covers it: nothing lost)"
                    return "byte \(damage.offset): \(damage.reason)\(held)\(coverage)"
                }
                report.journalGaps = zip(scan.records, scan.records.dropFirst()).compactMap { pair in
                    pair.1.sequence > pair.0.sequence + 1 && !scan.damages.contains { $0.after == pair.0.sequence }
                        ? (pair.0.sequence + 1)...(pair.1.sequence - 1) : nil
                }
                if let failure = decodeAll(scan, bytes: bytes) {
                    note(failure.storeError(file: layout.journal))
                }
            }
        } catch {
            report.journalUnreadable = error
            note(error)
        }
        do throws(StoreError) {
            let image = try ShopImage.read(layout)
            report.lastSequence = image.sequence
            report.products = image.state.catalogue.count
            report.cartLines = image.state.carts.lineCount
            report.stateDigest = StateDigest.of(image.state)
            report.warnings = image.indexWarning.map { [$0] } ?? []
        } catch {
            note(error)
        }
        report.warnings += sequenceWarnings(report)
        return report
    }

    /// What the sequences of the snapshot and the journal say that no single file shows. A snapshot is
    /// written by a caught-up writer and the journal it goes with reaches at least as far, so a journal
    /// whose records stop before the snapshot's, or skip sequences it covers, was written by a process
    /// that appended on an out-of-date state (its records are skipped by every open: commits lost), or
    /// lost records in a crash that the snapshot holds. An open carries on from the snapshot either way.
    static func sequenceWarnings(_ report: VerificationReport) -> [String] {
        guard let covers = report.snapshotSequence else { return [] }
        var warnings: [String] = []
        if let last = report.journalLastSequence, last < covers, report.tornTailBytes == 0, report.journalDamage.isEmpty {
            warnings.append("the journal's records stop at \(last), before record \(covers) the snapshot covers: records were lost from the journal, or appended on an out-of-date state and skipped")
        }
        for gap in report.journalGaps where gap.upperBound <= covers {
            warnings.append("records \(gap.lowerBound)–\(gap.upperBound) are missing from the journal between records the snapshot covers: records were appended on an out-of-date state and skipped, or the journal was cut by an older Comptoir")
        }
        return warnings
    }

    private static func inspectSnapshot(_ path: String) -> VerificationReport.SnapshotState {
        do throws(StoreError) {
            guard let loaded = try SnapshotFile.load(path) else { return .missing }
            return .good(covers: loaded.sequence, bytes: loaded.size)
        } catch {
            return .damaged(error)
        }
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
