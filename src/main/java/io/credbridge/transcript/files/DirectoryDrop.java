package io.credbridge.transcript.files;

import io.credbridge.transcript.TransientSisFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Import files in a local (or mounted) directory the SIS import job reads. */
final class DirectoryDrop implements FileDrop {

    private final Path directory;

    DirectoryDrop(Path directory) {
        this.directory = directory;
    }

    @Override
    public synchronized boolean put(String name, byte[] content) {
        Path target = directory.resolve(name);
        Path temporary = directory.resolve(TemporaryNames.of(name));
        try {
            Files.createDirectories(directory);
            if (Files.exists(target)) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new TransientSisFailure("cannot write " + name + " to " + describe() + ": " + e, Duration.ZERO, e);
        }
    }

    @Override
    public List<String> list(String folder, String glob) {
        Path path = Path.of(folder);
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path, glob)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        } catch (IOException e) {
            throw new TransientSisFailure("cannot list " + path + ": " + e, Duration.ZERO, e);
        }
        names.sort(null);
        return names;
    }

    @Override
    public byte[] read(String folder, String name) {
        try {
            return Files.readAllBytes(Path.of(folder).resolve(name));
        } catch (IOException e) {
            throw new TransientSisFailure("cannot read " + name + " in " + folder + ": " + e, Duration.ZERO, e);
        }
    }

    @Override
    public String describe() {
        return directory.toAbsolutePath().toString();
    }
}
