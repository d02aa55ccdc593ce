//! placeholder until the sample module lands
use crate::error::Result;
use crate::store::Store;
pub async fn populate(_store: &dyn Store) -> Result<()> {
    Ok(())
}
