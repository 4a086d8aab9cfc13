package cz.spojka.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A real FTP server (Apache FtpServer) on a free local port, standing in for an agenda system's export server: one
 * account whose login folder is a temp dir, into which the test writes files as the agenda system would.
 */
final class FtpDropServer {

    static final String USER = "agenda";
    /** Characters that an endpoint URI would mangle unless the template passes the password RAW. */
    static final String PASSWORD = "Heslo+1&2 %3";

    private final Path home;
    private final int port = TestPorts.free();

    FtpDropServer(Path home) {
        this.home = home;
    }

    FtpDropServer start() {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        factory.addListener("default", listener.createListener());
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager manager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.of(new WritePermission()));
        try {
            Files.createDirectories(home);
            manager.save(user);
            factory.setUserManager(manager);
            FtpServer server = factory.createServer();
            server.start();
        } catch (FtpException e) {
            throw new IllegalStateException("The test FTP server did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    int port() {
        return port;
    }

    /** The account's login folder on the server's disk. */
    Path home() {
        return home;
    }
}
