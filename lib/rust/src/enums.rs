//! `c_enum!`: a `#[repr(u8)]` Rust enum over one of the C header's enums, with the header's
//! numbers, `TryFrom<u8>` (unknown values are an `UnknownEnum` error) and the list of values.

/// Declares an enum whose variants carry the C ABI's (and Rerun's) numbers.
macro_rules! c_enum {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $value:expr,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        #[allow(missing_docs)] // variants without their own docs: the names say it
        pub enum $name {
            $($(#[$vmeta])* $variant = $value as u8,)*
        }

        // Every value fits the byte the variants are stored in (the C fields are uint32_t).
        const _: () = { $(assert!(($value as u64) <= 255);)* };

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The variant's name, as in Rerun ("NV12", "RGBA", "U16", "Turbo").
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => stringify!($variant),)*
                }
            }

            /// The value as the C ABI's `uint32_t` field holds it.
            #[allow(dead_code)]
            pub(crate) fn raw(self) -> u32 {
                self as u32
            }
        }

        impl TryFrom<u8> for $name {
            type Error = crate::Error;

            fn try_from(value: u8) -> Result<$name, crate::Error> {
                $(if value == $name::$variant as u8 {
                    return Ok($name::$variant);
                })*
                Err(crate::Error::new(
                    crate::sys::PIXCONV_ERROR_UNKNOWN_ENUM,
                    &format!("unknown {} value {}", $what, value),
                ))
            }
        }

        impl From<$name> for u8 {
            fn from(value: $name) -> u8 {
                value as u8
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

/// `TryFrom<u32>` for a `c_enum!`, for the C ABI's `uint32_t` fields.
pub(crate) fn from_raw<E: TryFrom<u8, Error = crate::Error>>(
    value: u32,
    what: &str,
) -> Result<E, crate::Error> {
    match u8::try_from(value) {
        Ok(byte) => E::try_from(byte),
        Err(_) => Err(crate::Error::new(
            crate::sys::PIXCONV_ERROR_UNKNOWN_ENUM,
            &format!("unknown {} value {}", what, value),
        )),
    }
}
