package io.cachegen.runtime.redis;

import io.cachegen.runtime.CacheConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** TLS settings for {@code rediss://} servers: the trusted CAs and hostname checking. */
final class TlsSockets {
  private TlsSockets() {}

  /**
   * A socket factory trusting the CA certificates in the PEM file {@code caFile}, or the JDK's
   * default trust store when {@code caFile} is null.
   *
   * @throws CacheConfigurationException naming {@code property} if the file cannot be read
   */
  static SSLSocketFactory socketFactory(String caFile, String property) {
    if (caFile == null) {
      return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }
    try (InputStream in = Files.newInputStream(Path.of(caFile))) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, cert);
      }
      if (i == 0) {
        throw new CacheConfigurationException(property + " = '" + caFile
            + "' holds no PEM certificate");
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      throw new CacheConfigurationException(
          property + " = '" + caFile + "' cannot be read as PEM CA certificates: " + e, e);
    }
  }

  /** Parameters that make the handshake check the server's name when {@code checkHostname}. */
  static SSLParameters parameters(boolean checkHostname) {
    SSLParameters p = new SSLParameters();
    if (checkHostname) {
      p.setEndpointIdentificationAlgorithm("HTTPS");
    }
    return p;
  }
}
