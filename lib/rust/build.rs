//! Finds libpixconv for linking, in this order:
//! - `PIXCONV_BUILD_DIR`: a meson build directory of this repository (its `lib/` holds the
//!   library, its `include/` the generated `pixconv/version.h`; the other headers come from the
//!   source tree's `include/`);
//! - otherwise the `pkg-config` program (`pkg-config --cflags --libs pixconv`).
//!
//! The library directories also go into the rpath of this crate's tests and examples, so
//! `cargo test` runs without `LD_LIBRARY_PATH`. The include directories are passed on to the
//! crate as `PIXCONV_INCLUDE_DIRS` (for the layout test, which compiles a C program).
use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Found {
    lib_dirs: Vec<PathBuf>,
    libs: Vec<String>,
    include_dirs: Vec<PathBuf>,
}

fn from_build_dir(build_dir: &Path) -> Found {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let source_include = manifest.join("..").join("..").join("include");
    let lib_dir = build_dir.join("lib");
    if !lib_dir.join("libpixconv.so").exists() && !lib_dir.join("libpixconv.a").exists() {
        panic!(
            "PIXCONV_BUILD_DIR={}: no libpixconv.so or libpixconv.a in {} (build the library \
             first: ninja -C {})",
            build_dir.display(),
            lib_dir.display(),
            build_dir.display()
        );
    }
    Found {
        lib_dirs: vec![lib_dir],
        libs: vec!["pixconv".to_string()],
        include_dirs: vec![source_include, build_dir.join("include")],
    }
}

fn from_pkg_config() -> Found {
    let output = Command::new(env::var("PKG_CONFIG").unwrap_or_else(|_| "pkg-config".into()))
        .args(["--cflags", "--libs", "pixconv"])
        .output();
    let output = match output {
        Ok(output) if output.status.success() => output,
        Ok(output) => panic!(
            "pkg-config --cflags --libs pixconv failed: {}\nInstall pixconv (meson install), \
             set PKG_CONFIG_PATH, or set PIXCONV_BUILD_DIR to a meson build directory",
            String::from_utf8_lossy(&output.stderr).trim()
        ),
        Err(e) => panic!(
            "cannot run pkg-config ({}); set PIXCONV_BUILD_DIR to a meson build directory",
            e
        ),
    };
    let mut found = Found { lib_dirs: vec![], libs: vec![], include_dirs: vec![] };
    for flag in String::from_utf8_lossy(&output.stdout).split_whitespace() {
        if let Some(dir) = flag.strip_prefix("-L") {
            found.lib_dirs.push(PathBuf::from(dir));
        } else if let Some(lib) = flag.strip_prefix("-l") {
            found.libs.push(lib.to_string());
        } else if let Some(dir) = flag.strip_prefix("-I") {
            found.include_dirs.push(PathBuf::from(dir));
        }
    }
    found
}

fn main() {
    println!("cargo:rerun-if-env-changed=PIXCONV_BUILD_DIR");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG");
    let found = match env::var_os("PIXCONV_BUILD_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            let dir = dir.canonicalize().unwrap_or(dir);
            println!("cargo:rerun-if-changed={}", dir.join("lib").join("libpixconv.so").display());
            from_build_dir(&dir)
        }
        _ => from_pkg_config(),
    };
    for dir in &found.lib_dirs {
        println!("cargo:rustc-link-search=native={}", dir.display());
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir.display());
    }
    for lib in &found.libs {
        println!("cargo:rustc-link-lib={}", lib);
    }
    let includes: Vec<String> =
        found.include_dirs.iter().map(|d| d.display().to_string()).collect();
    // Newline-free list; paths with ':' are not expected from meson or pkg-config.
    println!("cargo:rustc-env=PIXCONV_INCLUDE_DIRS={}", includes.join(":"));
    println!("cargo:include={}", includes.join(":"));
}
