//! `acctsum site`: the company-wide static website. The pages are drawn by
//! [`render::site`](crate::render::site) from the [view](crate::view::Site); this module
//! holds what is not drawing: the folder the site is built in and swapped in whole
//! ([`dir`]), and the trend of every engagement from git ([`trend`]).

pub mod dir;
pub mod trend;
