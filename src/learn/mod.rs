//! What learners see, built on the engine and the drift layer: `explain` for their own
//! errors, Miri runs that show what happens at run time, std's truth table, the checked
//! claims of the teaching text, and the site and the book.

pub mod claims;
pub mod explain;
pub mod miri;
pub mod pages;
pub mod table;
