package io.cachegen.redis;

import io.cachegen.runtime.CacheConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;

/**
 * TLS for {@code rediss://} servers: which CAs to trust ({@code ssl_ca_certs}, a PEM file as in
 * redis-py, or the JDK's trust store) and whether the server's name is checked ({@code
 * ssl_check_hostname}).
 */
final class TlsSettings {
  private static final char[] STORE_PASSWORD = "cachegen".toCharArray();

  private TlsSettings() {}

  /**
   * Jedis TLS options trusting the PEM CA certificates in {@code caFile} (the JDK's trust store
   * when null), checking the host name when {@code checkHostname}.
   *
   * @throws CacheConfigurationException naming {@code property} if the file cannot be read
   */
  static SslOptions sslOptions(String caFile, boolean checkHostname, String property) {
    SslOptions.Builder b =
        SslOptions.builder().sslVerifyMode(checkHostname ? SslVerifyMode.FULL : SslVerifyMode.CA);
    if (caFile != null) {
      byte[] store = trustStore(caFile, property);
      b.truststore(() -> new ByteArrayInputStream(store), STORE_PASSWORD).trustStoreType("PKCS12");
    }
    return b.build();
  }

  /**
   * The PEM CA certificates of {@code caFile} as a PKCS#12 trust store.
   *
   * @throws CacheConfigurationException naming {@code property} if the file cannot be read
   */
  private static byte[] trustStore(String caFile, String property) {
    try (InputStream in = Files.newInputStream(Path.of(caFile))) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, cert);
      }
      if (i == 0) {
        throw new CacheConfigurationException(
            property + " = '" + caFile + "' cannot be read: it holds no PEM certificate");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      trust.store(out, STORE_PASSWORD);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException e) {
      throw new CacheConfigurationException(
          property + " = '" + caFile + "' cannot be read as PEM CA certificates: " + e, e);
    }
  }
}
