package jp.telework.desk.infra;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** Unpacks server distributions once; a marker file tells a complete unpack from an interrupted one. */
final class Archives {
    private static final String COMPLETE = ".unpacked";

    private Archives() {
    }

    static boolean isUnpacked(Path target) {
        return Files.exists(target.resolve(COMPLETE));
    }

    /** Unpacks a .txz or .tar.gz into target (atomically: into a sibling, then renamed). */
    static void unpack(InputStreamSource source, boolean xz, Path target, boolean stripTopDir) {
        if (isUnpacked(target)) {
            return;
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(tmp);
            try (InputStream raw = new BufferedInputStream(source.open());
                 InputStream decompressed = xz ? new XZInputStream(raw) : new GZIPInputStream(raw);
                 TarArchiveInputStream tar = new TarArchiveInputStream(decompressed)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String name = entry.getName();
                    if (stripTopDir) {
                        int slash = name.indexOf('/');
                        name = slash < 0 ? "" : name.substring(slash + 1);
                    }
                    if (name.isEmpty()) {
                        continue;
                    }
                    Path out = tmp.resolve(name).normalize();
                    if (!out.startsWith(tmp)) {
                        throw new IOException("archive entry escapes the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.deleteIfExists(out);
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else if (entry.isLink()) {
                        Files.createDirectories(out.getParent());
                        Path linkTarget = tmp.resolve(stripTopDir ? entry.getLinkName().substring(entry.getLinkName().indexOf('/') + 1) : entry.getLinkName());
                        Files.copy(linkTarget, out, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                    }
                }
            }
            Files.createFile(tmp.resolve(COMPLETE));
            if (Files.exists(target)) {
                Dirs.delete(target);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Dirs.delete(tmp);
            if (isUnpacked(target)) {
                return; // another process unpacked it meanwhile
            }
            throw new InfraException("cannot unpack into " + target + ": " + e.getMessage(), e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) {
            set.add(PosixFilePermission.OWNER_EXECUTE);
            set.add(PosixFilePermission.GROUP_EXECUTE);
            set.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        set.add(PosixFilePermission.GROUP_READ);
        set.add(PosixFilePermission.OTHERS_READ);
        return set;
    }

    @FunctionalInterface
    interface InputStreamSource {
        InputStream open() throws IOException;
    }
}
