//! Issue 13, item 7: commit signatures of every key type git's SSH signing makes, made by
//! git itself (`gpg.format ssh`) — or, for security keys, which need a hardware token to
//! sign, written into the commit the way git writes them — and each verdict checked against
//! `git verify-commit`. A valid signature is never called invalid: a type council does not
//! check (DSA, which OpenSSH has retired) is "key type not supported".

mod common;

use std::path::Path;

use common::git::*;
use common::*;

/// A repository whose council requires signatures and lists `public` for the secretary.
fn council_with_key(public: &str) -> Repo {
    let r = base_council();
    require_signing(&r, public);
    r.commit(SECRETARY, "2022-03-02", "a council that signs");
    r.put_base(&[&format!("{G}/meetings/2022-03-15.md")]);
    r
}

/// What `git verify-commit` says of HEAD, trusting `public` for the secretary.
fn git_verifies(r: &Repo, public: &str) -> bool {
    let signers = r.path().join(".git/allowed_signers");
    std::fs::write(&signers, format!("{SECRETARY} {public}\n")).unwrap();
    git_command(r.path())
        .args([
            "-c",
            &format!("gpg.ssh.allowedSignersFile={}", signers.display()),
        ])
        .args(["verify-commit", "HEAD"])
        .output()
        .unwrap()
        .status
        .success()
}

/// The signature column of `council log` for the last commit.
fn council_says(r: &Repo) -> String {
    let out = council()
        .args(["log", "demo/grid-01/2022-001"])
        .arg(r.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let head = r.git(&["rev-parse", "HEAD"]);
    text.lines()
        .find(|l| l.contains(&head[..10]))
        .unwrap_or_else(|| panic!("{head} not in {text}"))
        .to_string()
}

fn unsigned_findings(r: &Repo) -> Vec<serde_json::Value> {
    let (_, diags, _) = audit_json(r.path(), &[]);
    diags
        .into_iter()
        .filter(|d| d["rule"] == "unsigned-commit")
        .collect()
}

#[test]
fn signatures_by_every_key_type_git_makes_are_judged_as_git_judges_them() {
    let keys = tempfile::tempdir().unwrap();
    for (kind, verified) in [
        ("ed25519", true),
        ("rsa -b 2048", true),
        ("ecdsa -b 256", true),
        ("ecdsa -b 384", true),
        ("ecdsa -b 521", true),
        ("dsa", false),
    ] {
        let name = kind.replace(' ', "_");
        let (secret, public) = keygen(keys.path(), &name, kind);
        let r = council_with_key(&public);
        commit_signed(&r, &secret, "2022-03-16", "signed minutes");
        assert!(
            git_verifies(&r, &public),
            "git verifies the {kind} signature"
        );
        let line = council_says(&r);
        assert!(!line.contains("does not verify"), "{kind}: {line}");
        let unsigned = unsigned_findings(&r);
        if verified {
            assert!(line.contains("verified (SHA256:"), "{kind}: {line}");
            assert!(unsigned.is_empty(), "{kind}: {unsigned:#?}");
        } else {
            assert!(
                line.contains("key type not supported (ssh-dss)"),
                "{kind}: {line}"
            );
            // Signing is required and council cannot check this one: said so, not "invalid".
            let message = unsigned[0]["message"].as_str().unwrap();
            assert!(message.contains("key of type `ssh-dss`"), "{message}");
        }
    }
}

#[test]
fn a_valid_p384_signature_is_shown_as_verified_on_the_site() {
    let keys = tempfile::tempdir().unwrap();
    let (secret, public) = keygen(keys.path(), "p384", "ecdsa -b 384");
    let r = council_with_key(&public);
    let signed = commit_signed(&r, &secret, "2022-03-16", "signed minutes");
    assert!(git_verifies(&r, &public));
    let (_out, page) = built_page(&r, "councils/demo/grid-01/meetings/2022-03-15/index.html");
    let entry = history_entry(&page, &signed);
    assert!(entry.contains("签名已验证"), "{entry}");
    assert!(!entry.contains("签名无效"), "{entry}");
}

/// HEAD rewritten with a signature made by `sign` over its payload (git signs the commit
/// object without its `gpgsig` header), as git writes one.
fn resign_head(r: &Repo, sign: impl Fn(&[u8]) -> String) {
    let payload = r.git(&["cat-file", "commit", "HEAD"]) + "\n";
    let pem = sign(payload.as_bytes());
    let header: String = pem
        .trim_end()
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("gpgsig {l}\n")
            } else {
                format!(" {l}\n")
            }
        })
        .collect();
    let at = payload.find("\n\n").unwrap() + 1;
    let object = format!("{}{header}{}", &payload[..at], &payload[at..]);
    let path = r.path().join(".git/signed-commit");
    std::fs::write(&path, object).unwrap();
    let id = r.git(&["hash-object", "-t", "commit", "-w", path.to_str().unwrap()]);
    r.git(&["update-ref", "HEAD", &id]);
}

/// The SSHSIG of a security key (FIDO), written out as OpenSSH writes it (PROTOCOL.sshsig,
/// PROTOCOL.u2f): the key signs SHA-256 of the application, the flags (user present), a
/// counter and SHA-256 of the signed data; the signature blob carries the flags and the
/// counter after the signature itself.
fn sk_sshsig(
    public: &ssh_key::PublicKey,
    sign: impl Fn(&[u8]) -> Vec<u8>,
    algorithm: &str,
    payload: &[u8],
) -> String {
    use ssh_key::sha2::{Digest, Sha256, Sha512};
    fn string(out: &mut Vec<u8>, bytes: &[u8]) {
        out.extend((bytes.len() as u32).to_be_bytes());
        out.extend(bytes);
    }
    let mut data = b"SSHSIG".to_vec();
    string(&mut data, b"git");
    string(&mut data, b"");
    string(&mut data, b"sha512");
    string(&mut data, &Sha512::digest(payload));
    let (flags, counter) = (0x01u8, 7u32);
    let mut to_sign = Sha256::digest(b"ssh:").to_vec();
    to_sign.push(flags);
    to_sign.extend(counter.to_be_bytes());
    to_sign.extend(Sha256::digest(&data));
    let mut sig_blob = Vec::new();
    string(&mut sig_blob, algorithm.as_bytes());
    string(&mut sig_blob, &sign(&to_sign));
    sig_blob.push(flags);
    sig_blob.extend(counter.to_be_bytes());
    let mut blob = b"SSHSIG".to_vec();
    blob.extend(1u32.to_be_bytes());
    string(&mut blob, &public.to_bytes().unwrap());
    string(&mut blob, b"git");
    string(&mut blob, b"");
    string(&mut blob, b"sha512");
    string(&mut blob, &sig_blob);
    let text = base64(&blob);
    let lines: Vec<&str> = text
        .as_bytes()
        .chunks(70)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!(
        "-----BEGIN SSH SIGNATURE-----\n{}\n-----END SSH SIGNATURE-----\n",
        lines.join("\n")
    )
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The signature itself, as the key type encodes it (for ECDSA: the mpints r and s).
fn raw_sign<K: ssh_key::SigningKey>(key: &K, msg: &[u8]) -> Vec<u8> {
    key.try_sign(msg).unwrap().as_bytes().to_vec()
}

fn private(dir: &Path, name: &str, kind: &str) -> ssh_key::PrivateKey {
    let (path, _) = keygen(dir, name, kind);
    ssh_key::PrivateKey::read_openssh_file(&path).unwrap()
}

#[test]
fn security_key_signatures_are_verified() {
    use ssh_key::public::{KeyData, SkEcdsaSha2NistP256, SkEd25519};
    let keys = tempfile::tempdir().unwrap();
    let ed = private(keys.path(), "ed", "ed25519");
    let ed_public = *ed.public_key().key_data().ed25519().unwrap();
    let sk_ed = KeyData::SkEd25519(SkEd25519::new(ed_public, "ssh:"));
    let ec = private(keys.path(), "ec", "ecdsa -b 256");
    let ec_point = match ec.public_key().key_data().ecdsa().unwrap() {
        ssh_key::public::EcdsaPublicKey::NistP256(p) => *p,
        _ => unreachable!("a P-256 key"),
    };
    let sk_ec = KeyData::SkEcdsaSha2NistP256(SkEcdsaSha2NistP256::new(ec_point, "ssh:"));
    type Sign = Box<dyn Fn(&[u8]) -> Vec<u8>>;
    let cases: [(&str, KeyData, Sign); 2] = [
        (
            "sk-ssh-ed25519@openssh.com",
            sk_ed,
            Box::new(move |m| raw_sign(&ed, m)),
        ),
        (
            "sk-ecdsa-sha2-nistp256@openssh.com",
            sk_ec,
            Box::new(move |m| raw_sign(&ec, m)),
        ),
    ];
    for (name, key, sign) in cases {
        let key = ssh_key::PublicKey::new(key, "sk");
        let public = key.to_openssh().unwrap();
        assert!(public.starts_with(name));
        let r = council_with_key(&public);
        r.commit(
            SECRETARY,
            "2022-03-16",
            "minutes, to be signed with a security key",
        );
        resign_head(&r, |payload| sk_sshsig(&key, &sign, name, payload));
        assert!(
            git_verifies(&r, &public),
            "git verifies the {name} signature"
        );
        let line = council_says(&r);
        assert!(line.contains("verified (SHA256:"), "{name}: {line}");
        assert!(unsigned_findings(&r).is_empty(), "{name}");
    }
}

#[test]
fn a_tampered_commit_does_not_verify_for_git_or_council() {
    let keys = tempfile::tempdir().unwrap();
    let (secret, public) = keygen(keys.path(), "secretary", "ed25519");
    let r = council_with_key(&public);
    commit_signed(&r, &secret, "2022-03-16", "signed minutes");
    // The same signature over another message.
    let object = r.git(&["cat-file", "commit", "HEAD"]) + "\n";
    let forged = object.replace("signed minutes", "signed minuteS");
    let path = r.path().join(".git/forged");
    std::fs::write(&path, forged).unwrap();
    let id = r.git(&["hash-object", "-t", "commit", "-w", path.to_str().unwrap()]);
    r.git(&["update-ref", "HEAD", &id]);
    assert!(!git_verifies(&r, &public));
    let line = council_says(&r);
    assert!(line.contains("signature does not verify"), "{line}");
    let unsigned = unsigned_findings(&r);
    assert!(
        unsigned[0]["message"]
            .as_str()
            .unwrap()
            .contains("does not verify")
    );
}
