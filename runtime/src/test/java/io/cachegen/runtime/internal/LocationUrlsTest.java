package io.cachegen.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.internal.LocationUrls.Url;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a Redis {@code location} is read without a server: which text is a server, a user name and a
 * password, and how percent-escapes in credentials decode (the class doc's rules). The Redis
 * backend connects with what this returns and {@link Redaction} hides it.
 */
class LocationUrlsTest {
  private static Url only(String location) {
    List<Url> urls = LocationUrls.split(location);
    assertThat(urls).as(location).hasSize(1);
    return urls.get(0);
  }

  @Test
  void percentEscapesDecodeToUtf8BytesInEitherCase() {
    assertThat(LocationUrls.decode("plain")).isEqualTo("plain");
    assertThat(LocationUrls.decode("%41")).isEqualTo("A");
    assertThat(LocationUrls.decode("a%2Fb%2fc")).isEqualTo("a/b/c");
    assertThat(LocationUrls.decode("%30%39%3a%3A")).isEqualTo("09::");
    assertThat(LocationUrls.decode("%c3%a9t%C3%A9")).isEqualTo("été");
    assertThat(LocationUrls.decode("%e2%82%AC5")).isEqualTo("€5");
    assertThat(LocationUrls.decode("%40%25")).isEqualTo("@%");
    assertThat(LocationUrls.decode("%0A%09")).isEqualTo("\n\t");
  }

  @Test
  void aPercentNotFollowedByTwoHexDigitsStandsForItself() {
    assertThat(LocationUrls.decode("100%")).isEqualTo("100%");
    assertThat(LocationUrls.decode("x%4")).isEqualTo("x%4");
    assertThat(LocationUrls.decode("%%41")).isEqualTo("%A");
    // the characters just outside each range of hex digits
    for (String notHex : new String[] {"/", ":", "`", "g", "@", "G", "z"}) {
      assertThat(LocationUrls.decode("%" + notHex + "1")).as(notHex).isEqualTo("%" + notHex + "1");
      assertThat(LocationUrls.decode("%1" + notHex)).as(notHex).isEqualTo("%1" + notHex);
    }
    assertThat(LocationUrls.decode("é%zz😀")).isEqualTo("é%zz😀");
  }

  @Test
  void theUserNameIsTheTextBeforeTheFirstColonMadeOfUnreservedCharacters() {
    Url url = only("redis://azAZ09._~-:secret@h:6379/0");
    assertThat(url.user()).isEqualTo("azAZ09._~-");
    assertThat(url.password()).isEqualTo("secret");
    assertThat(url.rest()).isEqualTo("h:6379/0");
    // a name with any other character is no name: the whole user-info is the password
    for (String odd : new String[] {"`", "{", "@", "[", "/", " ", "%41", "!"}) {
      Url withOdd = only("redis://us" + odd + "er:pw@h");
      assertThat(withOdd.user()).as(odd).isNull();
      assertThat(withOdd.password()).as(odd).isEqualTo(LocationUrls.decode("us" + odd + "er:pw"));
    }
  }

  @Test
  void withoutAUserNameTheUserInfoIsThePassword() {
    assertThat(only("redis://pw@h").user()).isNull();
    assertThat(only("redis://pw@h").password()).isEqualTo("pw");
    assertThat(only("redis://:pw@h").password()).isEqualTo("pw");
    assertThat(only("redis://:p%40ss@h").password()).isEqualTo("p@ss");
    assertThat(only("redis://u:p:w@h").password()).isEqualTo("p:w");
    assertThat(only("redis://u:@h").password()).as("u: names no password").isNull();
    assertThat(only("redis://u:@h").user()).isEqualTo("u");
    assertThat(only("redis://h:6379").password()).isNull();
    assertThat(only("redis://h:6379").user()).isNull();
    assertThat(only("redis://h:6379").userInfo()).isNull();
  }

  @Test
  void anEmptyUserInfoIsStillUserInfo() {
    Url url = only("redis://@h:6379");
    assertThat(url.userInfo()).isEmpty();
    assertThat(url.rest()).isEqualTo("h:6379");
    assertThat(url.password()).isNull();
    Url bare = only("@h");
    assertThat(bare.scheme()).isNull();
    assertThat(bare.userInfo()).isEmpty();
    assertThat(bare.rest()).isEqualTo("h");
  }

  @Test
  void aCommaBeforeASchemeStartsTheNextServerAndThePositionsCount() {
    List<Url> urls = LocationUrls.split(",redis://a:1, \t REDISS://b:2,unix://u:p@/tmp/r.sock");
    assertThat(urls).extracting(Url::position).containsExactly(1, 2, 3, 4);
    assertThat(urls.get(0).empty()).isTrue();
    assertThat(urls).extracting(Url::scheme).containsExactly(null, "redis", "rediss", "unix");
    assertThat(urls).extracting(Url::rest).containsExactly("", "a:1", "b:2", "/tmp/r.sock");
    assertThat(urls.get(3).password()).isEqualTo("p");
  }

  @Test
  void aCommaAfterTheUserInfoEndsTheServerEvenWithoutAScheme() {
    List<Url> urls = LocationUrls.split("redis://u:p,w@h1,h2, h3");
    assertThat(urls).extracting(Url::position).containsExactly(1, 2, 3);
    assertThat(urls.get(0).password()).isEqualTo("p,w");
    assertThat(urls).extracting(Url::rest).containsExactly("h1", "h2", "h3");
    assertThat(urls.get(1).scheme()).isNull();
    assertThat(urls.get(1).userInfo()).isNull();
  }

  @Test
  void trailingSpacesAfterACommaAreNotAServer() {
    List<Url> urls = LocationUrls.split("redis://h,   ");
    assertThat(urls).hasSize(2);
    assertThat(urls.get(1).empty()).as("nothing written after the comma").isTrue();
  }

  @Test
  void onlyAUrlWithNothingAtAllWrittenIsEmpty() {
    assertThat(new Url(1, null, null, "").empty()).isTrue();
    assertThat(new Url(1, "redis", null, "").empty()).isFalse();
    assertThat(new Url(1, null, "pw", "").empty()).isFalse();
    assertThat(new Url(1, null, null, "h").empty()).isFalse();
    assertThat(LocationUrls.split("").get(0).empty()).isTrue();
  }
}
