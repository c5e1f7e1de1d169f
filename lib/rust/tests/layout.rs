//! The Rust declarations of src/sys.rs against the C header: a C program compiled from
//! pixconv.h prints every struct's size, alignment and field offsets and every constant, and
//! each must match the Rust side. The header itself is scanned too, so a struct, field or
//! constant added to it but not to the C program (or to sys.rs) fails here.
use std::collections::BTreeMap;
use std::mem::{align_of, size_of, MaybeUninit};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use pixconv::sys::*;

/// Offset of a field, from a pointer to it in an uninitialized value (no `memoffset`, and
/// `std::mem::offset_of!` is newer than Rust 1.63).
macro_rules! offset_of {
    ($ty:ty, $field:ident) => {{
        let value = MaybeUninit::<$ty>::uninit();
        let base = value.as_ptr();
        // SAFETY: addr_of! computes the field's address without reading the memory.
        let field = unsafe { std::ptr::addr_of!((*base).$field) };
        field as usize - base as usize
    }};
}

/// The facts the C program prints, from the Rust declarations.
fn rust_facts() -> BTreeMap<String, i64> {
    let mut facts = BTreeMap::new();
    macro_rules! layout {
        ($($ty:ident { $($field:ident),* })*) => {$(
            facts.insert(format!("size {}", stringify!($ty)), size_of::<$ty>() as i64);
            facts.insert(format!("align {}", stringify!($ty)), align_of::<$ty>() as i64);
            $(facts.insert(
                format!("offset {}.{}", stringify!($ty), stringify!($field)),
                offset_of!($ty, $field) as i64,
            );)*
        )*};
    }
    layout! {
        pixconv_image_format { width, height, pixel_format, color_model, channel_datatype }
        pixconv_plane { data, size, stride }
        pixconv_image { format, planes }
        pixconv_output { data, size, stride }
        pixconv_convert_options {
            struct_size, output_type, channel_order, range_mode, range_lo, range_hi,
            input_transfer, output_transfer, premultiply, yuv_matrix, yuv_range,
            chroma_filter, colormap, segmentation, class_colors, class_color_count, clamp
        }
        pixconv_task_runner { run, runner_data }
        pixconv_decode_options { struct_size, max_jpeg_scans, max_pixels }
        pixconv_image_info { codec, bit_depth, format }
    }
    facts.insert("size pixconv_status".into(), size_of::<pixconv_status>() as i64);
    facts.insert("size size_t".into(), size_of::<usize>() as i64);
    facts.insert("size pixconv_task_fn".into(), size_of::<pixconv_task_fn>() as i64);
    for (name, value) in CONSTANTS {
        facts.insert(format!("const {}", name), *value);
    }
    facts
}

fn include_dirs() -> Vec<PathBuf> {
    // PIXCONV_LAYOUT_INCLUDE_DIRS checks another copy of the header (e.g. an edited one).
    let dirs = std::env::var("PIXCONV_LAYOUT_INCLUDE_DIRS")
        .unwrap_or_else(|_| env!("PIXCONV_INCLUDE_DIRS").to_string());
    dirs.split(':').filter(|d| !d.is_empty()).map(PathBuf::from).collect()
}

/// Compiles and runs print_layout.c; its facts by name.
fn c_facts() -> BTreeMap<String, i64> {
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/layout/print_layout.c");
    // One executable per call: tests run in parallel, and a program being written cannot run.
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let program = PathBuf::from(env!("OUT_DIR")).join(format!(
        "print_layout-{}-{}",
        std::process::id(),
        call
    ));
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let mut compile = Command::new(&cc);
    compile.args(["-std=c11", "-Wall", "-Werror", "-o"]).arg(&program).arg(&source);
    for dir in include_dirs() {
        compile.arg("-I").arg(dir);
    }
    let compiled = compile.output().unwrap_or_else(|e| panic!("cannot run {}: {}", cc, e));
    assert!(
        compiled.status.success(),
        "{:?} failed:\n{}",
        compile,
        String::from_utf8_lossy(&compiled.stderr)
    );
    let ran = Command::new(&program).output().expect("run print_layout");
    let _ = std::fs::remove_file(&program);
    assert!(ran.status.success(), "print_layout failed");
    let mut facts = BTreeMap::new();
    for line in String::from_utf8(ran.stdout).expect("ASCII output").lines() {
        let (key, value) = line.rsplit_once(' ').expect("'<fact> <number>'");
        let previous = facts.insert(key.to_string(), value.parse::<i64>().expect("a number"));
        assert!(previous.is_none(), "print_layout prints '{}' twice", key);
    }
    facts
}

#[test]
fn rust_declarations_match_the_c_header() {
    let c = c_facts();
    let rust = rust_facts();
    let mut problems = Vec::new();
    for (key, c_value) in &c {
        match rust.get(key) {
            Some(rust_value) if rust_value == c_value => {}
            Some(rust_value) => {
                problems.push(format!("{}: C {}, Rust {}", key, c_value, rust_value))
            }
            None => problems.push(format!("{}: in C ({}), not in src/sys.rs", key, c_value)),
        }
    }
    for key in rust.keys().filter(|key| !c.contains_key(*key)) {
        problems.push(format!("{}: in src/sys.rs, not printed by print_layout.c", key));
    }
    assert!(problems.is_empty(), "layout mismatches:\n  {}", problems.join("\n  "));
}

/// pixconv.h without its comments.
fn header_code() -> String {
    let header = include_dirs()
        .iter()
        .map(|dir| dir.join("pixconv/pixconv.h"))
        .find(|path| path.exists())
        .expect("pixconv/pixconv.h in the include directories");
    let text = std::fs::read_to_string(&header).expect("read pixconv.h");
    let mut code = String::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("/*") {
        code.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("closed comment");
        rest = &rest[start + end + 2..];
    }
    code.push_str(rest);
    code.lines().map(|line| line.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every `typedef struct name { fields } name;` of the header: name and field names.
fn header_structs(code: &str) -> Vec<(String, Vec<String>)> {
    let mut structs = Vec::new();
    let mut rest = code;
    while let Some(start) = rest.find("typedef struct ") {
        let after = &rest[start + "typedef struct ".len()..];
        let open = after.find('{').expect("struct body");
        let close = after.find('}').expect("struct end");
        let name = after[..open].trim().to_string();
        let fields = after[open + 1..close]
            .split(';')
            .map(str::trim)
            .filter(|decl| !decl.is_empty())
            .map(|decl| {
                // `void (*run)(...)` names `run`; `pixconv_plane planes[3]` names `planes`.
                let decl = match decl.find("(*") {
                    Some(at) => &decl[at + 2..decl[at..].find(')').unwrap() + at],
                    None => decl.split('[').next().unwrap(),
                };
                decl.rsplit(|c: char| !is_ident_char(c)).next().unwrap().to_string()
            })
            .collect();
        structs.push((name, fields));
        rest = &after[close..];
    }
    structs
}

/// Every `PIXCONV_NAME = value` enumerator of the header.
fn header_constants(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in code.match_indices("PIXCONV_") {
        let name: String = code[at..].chars().take_while(|c| is_ident_char(*c)).collect();
        if code[at + name.len()..].trim_start().starts_with('=') {
            names.push(name);
        }
    }
    names
}

#[test]
fn the_c_program_covers_every_struct_field_and_constant_of_the_header() {
    let code = header_code();
    let c = c_facts();
    let structs = header_structs(&code);
    assert!(structs.len() >= 8, "the header parser found only {:?}", structs);
    let mut missing = Vec::new();
    for (name, fields) in &structs {
        for key in [format!("size {}", name), format!("align {}", name)] {
            if !c.contains_key(&key) {
                missing.push(key);
            }
        }
        for field in fields {
            let key = format!("offset {}.{}", name, field);
            if !c.contains_key(&key) {
                missing.push(key);
            }
        }
    }
    let constants = header_constants(&code);
    assert!(constants.len() > 50, "the header parser found only {:?}", constants);
    for name in constants {
        let key = format!("const {}", name);
        if !c.contains_key(&key) {
            missing.push(key);
        }
    }
    assert!(
        missing.is_empty(),
        "pixconv.h has, print_layout.c does not print:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn the_safe_enums_cover_every_value_of_the_header() {
    let count =
        |prefix: &str| CONSTANTS.iter().filter(|(name, _)| name.starts_with(prefix)).count();
    assert_eq!(pixconv::ChannelDatatype::ALL.len(), count("PIXCONV_DATATYPE_"));
    assert_eq!(pixconv::ColorModel::ALL.len(), count("PIXCONV_COLOR_MODEL_"));
    // NONE is the absence of a pixel format, not a variant.
    assert_eq!(pixconv::PixelFormat::ALL.len(), count("PIXCONV_PIXEL_FORMAT_") - 1);
    assert_eq!(pixconv::OutputType::ALL.len(), count("PIXCONV_OUTPUT_RGBA"));
    assert_eq!(pixconv::ChannelOrder::ALL.len(), count("PIXCONV_ORDER_"));
    assert_eq!(pixconv::RangeMode::ALL.len(), count("PIXCONV_RANGE_"));
    assert_eq!(pixconv::InputTransfer::ALL.len(), count("PIXCONV_INPUT_TRANSFER_"));
    assert_eq!(pixconv::OutputTransfer::ALL.len(), count("PIXCONV_OUTPUT_TRANSFER_"));
    assert_eq!(pixconv::YuvMatrix::ALL.len(), count("PIXCONV_YUV_MATRIX_"));
    assert_eq!(pixconv::YuvRange::ALL.len(), count("PIXCONV_YUV_RANGE_"));
    assert_eq!(pixconv::ChromaFilter::ALL.len(), count("PIXCONV_CHROMA_"));
    assert_eq!(pixconv::Colormap::ALL.len(), count("PIXCONV_COLORMAP_"));
    assert_eq!(pixconv::Codec::ALL.len(), count("PIXCONV_CODEC_"));
    // Error kinds: one per error code, plus Other.
    assert_eq!(count("PIXCONV_ERROR_"), 11);
}
