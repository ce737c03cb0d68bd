/** Value codecs: Jackson-based, decoding only into the caller's static type. */
package io.cachegen.runtime.codec;
