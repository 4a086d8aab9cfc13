package cz.spojka.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on a free local port: a fresh host key, one account that logs in with the
 * test's client key or its password, and a temp dir as the account's whole file system.
 */
final class SftpDropServer {

    static final String USER = "agenda";
    static final String PASSWORD = "Tajné heslo+&%";

    private final Path root;
    private final int port = TestPorts.free();
    private final KeyPair hostKey = generate();
    private final KeyPair clientKey = generate();

    SftpDropServer(Path root) {
        this.root = root;
    }

    SftpDropServer start() {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator(
                (user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        try {
            Files.createDirectories(root);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The test SFTP server did not start: " + e.getMessage(), e);
        }
        return this;
    }

    int port() {
        return port;
    }

    /** The account's file system on the server's disk. */
    Path root() {
        return root;
    }

    /** The server's public host key as {@code ssh-keyscan} prints it, without the host name. */
    String hostKey() {
        return PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** Writes a known_hosts file with the server's host key, as {@code ssh-keyscan -p <port> 127.0.0.1} would. */
    Path writeKnownHosts(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, "[127.0.0.1]:" + port + " " + hostKey() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A host key the server does not have. */
    static String otherHostKey() {
        return PublicKeyEntry.toString(generate().getPublic());
    }

    /** Writes the client's private key as an unencrypted PKCS#8 PEM file, as an administrator would deploy it. */
    Path writeClientKey(Path file) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(clientKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.SSH_RSA, 2048);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
