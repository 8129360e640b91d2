package io.pressroom.account;

import io.pressroom.PressroomConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT's parser, verifying with the installation's key from {@link TokenKeys} rather than a
 * key file named in configuration. Only RS256 tokens of our issuer are accepted.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class AccessTokenParser implements JWTParser {

  private final DefaultJWTParser delegate;

  AccessTokenParser(TokenKeys keys, PressroomConfig config) {
    JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKey(), config.tokens().issuer());
    context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
    context.setExpGracePeriodSecs(0);
    context.setClockSkew(0);
    context.setRequireNamedPrincipal(true);
    this.delegate = new DefaultJWTParser(context);
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    return delegate.parse(token);
  }

  @Override
  public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
    return delegate.parse(token);
  }

  @Override
  public JsonWebToken verify(String token, PublicKey key) throws ParseException {
    return delegate.parse(token);
  }

  @Override
  public JsonWebToken verify(String token, SecretKey key) throws ParseException {
    return delegate.parse(token);
  }

  @Override
  public JsonWebToken verify(String token, String secret) throws ParseException {
    return delegate.parse(token);
  }

  @Override
  public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
    throw new ParseException("Encrypted tokens are not accepted");
  }

  @Override
  public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
    throw new ParseException("Encrypted tokens are not accepted");
  }

  @Override
  public JsonWebToken decrypt(String token, String secret) throws ParseException {
    throw new ParseException("Encrypted tokens are not accepted");
  }

  @Override
  public JsonWebToken parseOnly(String token) throws ParseException {
    return delegate.parse(token);
  }
}
