//! The completeness of the translations: every id the code names exists in both languages
//! with the placeholders the code gives it, the two languages have the same ids and
//! placeholders, and no Fluent file holds an id nobody uses. Ids of `--help` (`cli-…`) are
//! made from the commands' names at run time; the binary's own test checks them.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

type Vars = BTreeSet<String>;

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut Vars) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut Vars) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(e: &ast::InlineExpression<&str>, out: &mut Vars) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
        }
        _ => {}
    }
}

/// id → placeholders, for each language.
fn catalogue() -> BTreeMap<Lang, BTreeMap<String, Vars>> {
    let mut out: BTreeMap<Lang, BTreeMap<String, Vars>> = BTreeMap::new();
    for (lang, name, text) in sources() {
        let res = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, e)| panic!("{}/{name}.ftl: {e:?}", lang.code()));
        for entry in res.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = Vars::new();
                    let value = m.value.as_ref().unwrap_or_else(|| {
                        panic!("{}/{name}.ftl: `{}` has no text", lang.code(), m.id.name)
                    });
                    pattern_vars(value, &mut vars);
                    let prev = out
                        .entry(lang)
                        .or_default()
                        .insert(m.id.name.to_string(), vars);
                    assert!(
                        prev.is_none(),
                        "{}: `{}` is defined twice",
                        lang.code(),
                        m.id.name
                    );
                }
                ast::Entry::Junk { content } => {
                    panic!("{}/{name}.ftl does not parse at: {content}", lang.code())
                }
                ast::Entry::Term(t) => panic!("{}: terms are not used ({})", name, t.id.name),
                _ => {}
            }
        }
    }
    out
}

/// Every `msg!("id", a = …, b)` in the sources: id → the argument names of each use.
fn uses() -> BTreeMap<String, Vec<(String, Vars)>> {
    let mut out: BTreeMap<String, Vec<(String, Vars)>> = BTreeMap::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let file = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .display()
            .to_string();
        if file == "i18n/tests.rs" {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let mut from = 0;
        while let Some(i) = text[from..].find("msg!(").map(|i| from + i) {
            from = i + 5;
            // Not in a comment: documentation shows the macro with made-up ids.
            let line_start = text[..i].rfind('\n').map(|n| n + 1).unwrap_or(0);
            if text[line_start..i].trim_start().starts_with("//") {
                continue;
            }
            let Some(rest) = text[from..].trim_start().strip_prefix('"') else {
                continue;
            };
            let id_end = rest.find('"').unwrap();
            let id = rest[..id_end].to_string();
            let args = call_args(&rest[id_end + 1..]);
            out.entry(id).or_default().push((file.clone(), args));
        }
    }
    out
}

/// The names of the arguments of a macro call whose text (after the id) is `s`.
fn call_args(s: &str) -> Vars {
    let mut depth = 0usize;
    let mut in_str = false;
    let mut prev = ' ';
    let mut parts = vec![String::new()];
    for ch in s.chars() {
        if in_str {
            if ch == '"' && prev != '\\' {
                in_str = false;
            }
            prev = if prev == '\\' && ch == '\\' { ' ' } else { ch };
            continue;
        }
        match ch {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => parts.push(String::new()),
            _ if depth == 0 => parts.last_mut().unwrap().push(ch),
            _ => {}
        }
        prev = ch;
    }
    parts
        .iter()
        .filter_map(|p| {
            let p = p.trim();
            let name = p.split('=').next().unwrap().trim();
            (!name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
                .then(|| name.to_string())
        })
        .collect()
}

#[test]
fn both_languages_have_the_same_ids_with_the_same_placeholders() {
    let cat = catalogue();
    let (en, zh) = (&cat[&Lang::En], &cat[&Lang::Zh]);
    let mut problems = Vec::new();
    for (id, vars) in en {
        match zh.get(id) {
            None => problems.push(format!("`{id}` has no Chinese")),
            Some(z) if z != vars => {
                problems.push(format!("`{id}`: English uses {vars:?}, Chinese {z:?}"))
            }
            _ => {}
        }
    }
    for id in zh.keys().filter(|id| !en.contains_key(*id)) {
        problems.push(format!("`{id}` has no English"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_the_code_names_exists_with_the_arguments_it_is_given() {
    let cat = catalogue();
    let en = &cat[&Lang::En];
    let mut problems = Vec::new();
    for (id, calls) in uses() {
        let Some(vars) = en.get(&id) else {
            problems.push(format!(
                "`{id}` (used in {}) is in no Fluent file",
                calls[0].0
            ));
            continue;
        };
        for (file, args) in calls {
            if &args != vars {
                problems.push(format!(
                    "{file}: `{id}` is given {args:?}, its text uses {vars:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_fluent_file_holds_an_id_nobody_uses() {
    let used = uses();
    let cat = catalogue();
    let unused: Vec<&String> = cat[&Lang::En]
        .keys()
        .filter(|id| !id.starts_with("cli-") && !used.contains_key(*id))
        .collect();
    assert!(unused.is_empty(), "unused ids: {unused:?}");
}

#[test]
fn arguments_fill_placeholders_and_english_counts_in_plurals() {
    let one = crate::msg!("count-errors", count = 1);
    let two = crate::msg!("count-errors", count = 2);
    assert_eq!(one.render(Lang::En), "1 error");
    assert_eq!(two.render(Lang::En), "2 errors");
    assert_eq!(two.render(Lang::Zh), "2 个错误");
    let listed = crate::msg!("help-one-of", key = "action", list = codes(["a", "b"]));
    assert!(listed.render(Lang::En).contains("`a`, `b`"));
    assert!(listed.render(Lang::Zh).contains("`a`、`b`"));
}

#[test]
fn call_arguments_are_read_by_name() {
    let args = call_args(r#", key = format!("a, b"), count, what = msg!("x", y = 1))"#);
    let names: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(names, ["count", "key", "what"]);
}
